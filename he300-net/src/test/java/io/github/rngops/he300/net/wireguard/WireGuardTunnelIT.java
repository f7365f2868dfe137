package io.github.rngops.he300.net.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.Namespaces;
import io.github.rngops.he300.net.RealTools;
import io.github.rngops.he300.net.TinyHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tunnel: two network namespaces joined by a veth pair (192.168.x inside them only), the GPU host's and the
 * runner's configs from {@link WgTopology}, wireguard-go as the userspace implementation, an HTTP request from the
 * runner to the host's tunnel address, health from {@code wg show dump}, and a reload that keeps the tunnel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WireGuardTunnelIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path dir;
    private Namespaces namespaces;
    private Process server;
    private String hostNs;
    private String runnerNs;
    private WireGuard onHost;
    private WireGuard onRunner;
    private InterfaceName hostIf;
    private InterfaceName runnerIf;
    private WgKey hostKey;
    private WgKey runnerKey;
    private WgTopology topology;

    @BeforeAll
    void tunnelUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        RealTools.requireRoot();
        RealTools.require("ip", "wg", "wg-quick", "wireguard-go", "bash", "curl");
        namespaces = new Namespaces();
        hostNs = namespaces.create("b");
        runnerNs = namespaces.create("a");
        namespaces.link(runnerNs, "192.168.231.1/24", hostNs, "192.168.231.2/24");
        hostIf = InterfaceName.of("wgh" + namespaces.suffix());
        runnerIf = InterfaceName.of("wgr" + namespaces.suffix());

        hostKey = WgKey.generatePrivate(RANDOM);
        runnerKey = WgKey.generatePrivate(RANDOM);
        topology = WgTopology.builder().hostPublicKey(hostKey.publicKey()).hostEndpoint("192.168.231.2")
                .runner("runner", runnerKey.publicKey()).build().withPresharedKeys(RANDOM);
        onHost = wireGuard(namespaces.runner(hostNs), "host");
        onRunner = wireGuard(namespaces.runner(runnerNs), "runner");

        onHost.install(hostIf, topology.hostConfig(hostKey));
        onRunner.install(runnerIf, topology.runnerConfig("runner", runnerKey));
        onHost.up(hostIf);
        onRunner.up(runnerIf);

        server = new ProcessBuilder("ip", "netns", "exec", hostNs, Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), TinyHttpServer.class.getName(),
                "10.0.0.2", "8000").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the HTTP server in the host's namespace started").isEqualTo("ready");
    }

    private WireGuard wireGuard(CommandRunner runner, String side) {
        return WireGuard.builder().runner(runner).configDir(dir.resolve(side)).userspaceImplementation("wireguard-go")
                .timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    @Order(1)
    void installsConfigsOwnerOnly() throws Exception {
        Path config = onHost.configPath(hostIf);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(WgConfig.parse(Files.readString(config))).isEqualTo(topology.hostConfig(hostKey));
    }

    @Test
    @Order(2)
    void carriesHttpFromTheRunnerToTheHostsTunnelAddress() {
        String body = namespaces.runner(runnerNs).runChecked(Command.builder("curl")
                .args("-sS", "--max-time", "10", "http://10.0.0.2:8000/").build()).stdout();

        assertThat(body).isEqualTo("he300 over wg\n");
    }

    @Test
    @Order(3)
    void bothEndsSeeAHealthyHandshake() {
        WgStatus runnerSide = onRunner.status(runnerIf);
        WgStatus hostSide = onHost.status(hostIf);

        assertThat(runnerSide.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.publicKey()).isEqualTo(hostKey.publicKey());
            assertThat(peer.hasPresharedKey()).isTrue();
            assertThat(peer.endpoint()).hasValue("192.168.231.2:51820");
            assertThat(peer.txBytes()).isPositive();
        });
        assertThat(onRunner.health(runnerIf)).containsExactly(WgStatus.Health.HEALTHY);
        assertThat(hostSide.health(Clock.systemUTC(), WgStatus.DEFAULT_STALE_AFTER))
                .containsExactly(WgStatus.Health.HEALTHY);
        assertThat(hostSide.publicKey()).isEqualTo(hostKey.publicKey());
    }

    @Test
    @Order(4)
    void reloadAddsAPeerWithoutDroppingTheTunnel() {
        WgKey second = WgKey.generatePrivate(RANDOM).publicKey();
        WgConfig grown = new WgConfig(topology.hostConfig(hostKey).iface(), List.of(
                topology.hostConfig(hostKey).peers().get(0),
                WgPeer.builder().name("second").publicKey(second).allowedIps("10.0.0.3/32").build()));

        onHost.install(hostIf, grown);
        onHost.reload(hostIf);

        WgStatus status = onHost.status(hostIf);
        assertThat(status.peers()).hasSize(2);
        assertThat(status.peer(second)).hasValueSatisfying(peer ->
                assertThat(peer.health(Clock.systemUTC().instant(), WgStatus.DEFAULT_STALE_AFTER))
                        .isEqualTo(WgStatus.Health.NO_HANDSHAKE));
        assertThat(status.peer(runnerKey.publicKey())).hasValueSatisfying(peer ->
                assertThat(peer.latestHandshake()).isPresent());
        carriesHttpFromTheRunnerToTheHostsTunnelAddress();
    }

    @Test
    @Order(5)
    void bringsTheInterfacesDown() {
        onRunner.down(runnerIf);

        assertThat(namespaces.runner(runnerNs).run(onRunner.statusCommand(runnerIf)).ok()).isFalse();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (server != null) {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (namespaces != null) {
            for (Runnable down : List.<Runnable>of(
                    () -> namespaces.runner(runnerNs).run(onRunner.downCommand(runnerIf)),
                    () -> namespaces.runner(hostNs).run(onHost.downCommand(hostIf)))) {
                try {
                    down.run();
                } catch (RuntimeException e) {
                    // already down or never up; the namespaces go anyway
                }
            }
            namespaces.close();
        }
    }
}
