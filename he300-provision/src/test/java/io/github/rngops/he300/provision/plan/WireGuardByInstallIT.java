package io.github.rngops.he300.provision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.net.Namespaces;
import io.github.rngops.he300.net.RealTools;
import io.github.rngops.he300.net.TinyHttpServer;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.ModelRegistry;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.plan.PlanRunner.Mode;
import io.github.rngops.he300.provision.plan.StepResult.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WireGuard mode set up by the install plan's network step, for real: the "GPU host" is a network namespace
 * (its commands through {@code ip netns exec}, files under a temporary root), the runner another one, joined by a
 * veth pair; wireguard-go is the implementation. The step makes the host's key on the host, writes its config and
 * brings the interface up, and writes the runner's config here (0600) with the host's public key; the runner's
 * side comes up from that very file, and an HTTP request crosses the tunnel. A second run is {@code ok}.
 */
class WireGuardByInstallIT {
    @TempDir
    Path dir;

    @Test
    void theNetworkStepBringsUpATunnelTheRunnerJoinsWithTheConfigItWrote() throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "wg", "wg-quick", "wireguard-go", "bash", "curl");
        try (Namespaces namespaces = new Namespaces()) {
            String hostNs = namespaces.create("h");
            String runnerNs = namespaces.create("r");
            namespaces.link(runnerNs, "192.168.232.1/24", hostNs, "192.168.232.2/24");
            String iface = "wgh" + namespaces.suffix();
            CommandRunner onHost = namespaces.runner(hostNs);
            Path root = Files.createDirectories(dir.resolve("host-root"));
            Path runnerDir = dir.resolve("runner");
            InstallConfig config = io.github.rngops.he300.provision.config.Fixtures.parse("target:\n  host: 192.168.232.2\nnetwork:\n"
                    + "  mode: wireguard\n  wireguard:\n    interface: " + iface + "\n    address: 10.0.0.2/24\n"
                    + "    peer_allowed_ips: 10.0.0.1/32\n");
            HostFacts facts = HostFactsProbe.gather(onHost);
            InstallConfig resolved = config.withProfile(ModelRegistry.ofDefaults().cpuProfile());

            StringBuilder first = new StringBuilder();
            Recap one = network(onHost, facts, resolved, root, runnerDir, first);
            assertThat(one.results()).as(first::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.CHANGED));

            Path key = root.resolve("etc/wireguard/" + iface + ".key");
            Path hostConf = root.resolve("etc/wireguard/" + iface + ".conf");
            Path runnerConf = runnerDir.resolve("192.168.232.2").resolve(iface + ".conf");
            for (Path secret : List.of(key, hostConf, runnerConf)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                        .isEqualTo("rw-------");
            }
            String hostPublic = LocalRunner.create().runChecked(Command.builder("wg").arg("pubkey")
                    .stdin(Files.readAllBytes(key)).build()).stdout().strip();
            String hostPrivate = Files.readString(key).strip();
            assertThat(Files.readString(runnerConf)).contains("PublicKey = " + hostPublic,
                    "Endpoint = 192.168.232.2:51820", "AllowedIPs = 10.0.0.2/32", "Address = 10.0.0.1/24");
            assertThat(Files.readString(hostConf)).contains("PrivateKey = " + hostPrivate, "ListenPort = 51820",
                    "AllowedIPs = 10.0.0.1/32");
            assertThat(first.toString()).as("the host's private key is never shown").doesNotContain(hostPrivate)
                    .contains(hostPublic);

            // the runner joins with the file install wrote (copied to a name of its own: both ends share /run here)
            Path runnerCopy = dir.resolve("wgr" + namespaces.suffix() + ".conf");
            Files.copy(runnerConf, runnerCopy);
            Files.setPosixFilePermissions(runnerCopy, PosixFilePermissions.fromString("rw-------"));
            CommandRunner onRunner = namespaces.runner(runnerNs);
            onRunner.runChecked(Command.of("wg-quick", "up", runnerCopy.toString()));
            Process server = new ProcessBuilder("ip", "netns", "exec", hostNs, Path.of(System.getProperty("java.home"),
                    "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    TinyHttpServer.class.getName(), "10.0.0.2", "8000").redirectErrorStream(true).start();
            try {
                BufferedReader ready = new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(ready.readLine()).isEqualTo("ready");
                String body = onRunner.runChecked(Command.of("curl", "-sS", "--max-time", "20",
                        "http://10.0.0.2:8000/")).stdout();
                assertThat(body).isEqualTo("he300 over wg\n");
            } finally {
                server.destroyForcibly();
                onRunner.run(Command.of("wg-quick", "down", runnerCopy.toString()));
            }

            StringBuilder second = new StringBuilder();
            Recap two = network(onHost, facts, resolved, root, runnerDir, second);
            assertThat(two.results()).as(second::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.OK));
            assertThat(Files.readString(key).strip()).as("the host key is made once").isEqualTo(hostPrivate);
            onHost.run(Command.of("wg-quick", "down", hostConf.toString()));
        }
    }

    private static Recap network(CommandRunner runner, HostFacts facts, InstallConfig config, Path root,
            Path runnerDir, StringBuilder out) {
        Host host = Host.builder(runner, facts, config).root(root.toString()).runnerDir(runnerDir).build();
        Plan plan = new Plan(List.of(Plan.install().step(NetworkStep.NAME).orElseThrow()));
        Recap recap = PlanRunner.create(line -> out.append(line).append('\n')).run(plan, host, Mode.APPLY);
        out.append(recap.table());
        PlanRunner.report(recap).ifPresent(out::append);
        return recap;
    }
}
