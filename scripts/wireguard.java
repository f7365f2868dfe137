///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli
//DEPS io.github.rng-ops:he300-net

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.net.PrivateFile;
import io.github.rngops.he300.net.wireguard.InterfaceName;
import io.github.rngops.he300.net.wireguard.WgConfig;
import io.github.rngops.he300.net.wireguard.WgInterface;
import io.github.rngops.he300.net.wireguard.WgKey;
import io.github.rngops.he300.net.wireguard.WgPeer;
import io.github.rngops.he300.net.wireguard.WgStatus;
import io.github.rngops.he300.net.wireguard.WireGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "wireguard", mixinStandardHelpOptions = true,
        description = {"WireGuard on the test runner: keys, the config that dials the GPU host, up, down, status.",
                "Replaces the seed's generate-keys.sh and setup-wireguard-client.sh."},
        subcommands = {wireguard.Keygen.class, wireguard.Config.class, wireguard.Up.class, wireguard.Down.class,
                wireguard.Status.class})
class wireguard implements Callable<Integer> {
    @Spec CommandSpec spec;

    public static void main(String... args) {
        System.exit(Cli.run(new wireguard(), args));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "give a subcommand: keygen, config, up, down or status");
    }

    /** Options every subcommand that touches the interface shares. */
    static class Where {
        @Option(names = "--interface", defaultValue = "wg0", paramLabel = "IF",
                description = "Interface name. Default: ${DEFAULT-VALUE}.")
        String name;

        @Option(names = "--config-dir", defaultValue = "/etc/wireguard", paramLabel = "DIR",
                description = "Where <IF>.conf lives. Default: ${DEFAULT-VALUE}.")
        Path configDir;

        InterfaceName interfaceName() {
            return InterfaceName.of(name);
        }

        WireGuard wireGuard() {
            return WireGuard.builder().runner(LocalRunner.create()).configDir(configDir).build();
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new private key (mode 0600) and print only its public key.")
    static class Keygen implements Callable<Integer> {
        @Option(names = "--private-key", defaultValue = "wireguard-private.key", paramLabel = "FILE",
                description = "Where to write the private key. Default: ${DEFAULT-VALUE}.")
        Path privateKey;

        @Option(names = "--preshared-key", paramLabel = "FILE",
                description = "Also write a new preshared key here (mode 0600); give it to the other end too.")
        Path presharedKey;

        @Option(names = "--force", description = "Replace an existing private key file.")
        boolean force;

        @Override
        public Integer call() {
            PrivateFile.checkTarget(privateKey);
            if (presharedKey != null) {
                PrivateFile.checkTarget(presharedKey);
            }
            if (Files.exists(privateKey) && !force) {
                throw new io.github.rngops.he300.core.He300Exception(privateKey + " exists: keep it, or pass --force"
                        + " to replace it (the old public key then stops working)");
            }
            SecureRandom random = new SecureRandom();
            WgKey key = WgKey.generatePrivate(random);
            key.writeTo(privateKey);
            if (presharedKey != null) {
                WgKey.generatePreshared(random).writeTo(presharedKey);
            }
            System.out.println(key.publicKey().base64());
            return Cli.OK;
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Write the runner's config (mode 0600) that dials the GPU host, and print it with keys masked.")
    static class Config implements Callable<Integer> {
        @Option(names = "--address", required = true, paramLabel = "CIDR",
                description = "This runner's tunnel address, like 10.0.0.1/24.")
        List<String> addresses;

        @Option(names = "--private-key", defaultValue = "wireguard-private.key", paramLabel = "FILE",
                description = "This runner's private key (from keygen). Default: ${DEFAULT-VALUE}.")
        Path privateKey;

        @Option(names = "--peer-key", required = true, paramLabel = "KEY", description = "The GPU host's public key.")
        String peerKey;

        @Option(names = "--peer-endpoint", required = true, paramLabel = "HOST:PORT",
                description = "Where the GPU host listens, like gpu-host.example.com:51820.")
        String peerEndpoint;

        @Option(names = "--peer-allowed-ips", defaultValue = "10.0.0.2/32", split = ",", paramLabel = "CIDR",
                description = "What to route to the host. Default: ${DEFAULT-VALUE} (the host alone).")
        List<String> peerAllowedIps;

        @Option(names = "--preshared-key", paramLabel = "FILE", description = "A preshared key file both ends hold.")
        Path presharedKey;

        @Option(names = "--keepalive", defaultValue = "25", paramLabel = "S",
                description = "PersistentKeepalive seconds. Default: ${DEFAULT-VALUE}.")
        int keepalive;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it. Default: <config-dir>/<IF>.conf.")
        Path out;

        @picocli.CommandLine.Mixin
        Where where;

        @Override
        public Integer call() throws Exception {
            WgPeer.Builder peer = WgPeer.builder().name("GPU host").publicKey(peerKey).endpoint(peerEndpoint)
                    .allowedIps(peerAllowedIps.toArray(String[]::new)).persistentKeepalive(keepalive);
            if (presharedKey != null) {
                peer.presharedKey(readKey(WgKey.Kind.PRESHARED, "--preshared-key", presharedKey));
            }
            WgConfig config = new WgConfig(WgInterface.builder()
                    .privateKey(readKey(WgKey.Kind.PRIVATE, "--private-key", privateKey))
                    .address(addresses.toArray(String[]::new)).build(), List.of(peer.build()));
            Path target = out != null ? out : where.wireGuard().configPath(where.interfaceName());
            PrivateFile.write(target, config.render().getBytes(StandardCharsets.UTF_8));
            System.out.print(config);
            System.err.println("wrote " + target + " (mode 0600)");
            return Cli.OK;
        }

        private static WgKey readKey(WgKey.Kind kind, String option, Path file) throws Exception {
            if (!Files.isReadable(file)) {
                throw new io.github.rngops.he300.core.He300Exception(option + ": cannot read " + file
                        + " (make one with: he300 wireguard keygen)");
            }
            return WgKey.parse(kind, option, Files.readString(file));
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Bring the interface up (wg-quick, or systemd).")
    static class Up implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @Option(names = "--systemd", description = "systemctl enable --now wg-quick@<IF>: also at every boot.")
        boolean systemd;

        @Override
        public Integer call() {
            WireGuard wireGuard = where.wireGuard();
            if (systemd) {
                wireGuard.enable(where.interfaceName());
            } else {
                wireGuard.up(where.interfaceName());
            }
            return Cli.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Bring the interface down.")
    static class Down implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @Option(names = "--systemd", description = "systemctl disable --now wg-quick@<IF>.")
        boolean systemd;

        @Override
        public Integer call() {
            WireGuard wireGuard = where.wireGuard();
            if (systemd) {
                wireGuard.disable(where.interfaceName());
            } else {
                wireGuard.down(where.interfaceName());
            }
            return Cli.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each peer's handshake age, traffic and verdict; exit 1 unless all are HEALTHY.")
    static class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Where where;

        @Option(names = "--stale-after", defaultValue = "3m", paramLabel = "T",
                description = "A handshake older than this is STALE (90s, 5m, or ISO-8601 like PT3M)."
                        + " Default: ${DEFAULT-VALUE}.")
        Duration staleAfter;

        @Override
        public Integer call() {
            WgStatus status = where.wireGuard().status(where.interfaceName());
            Instant now = Clock.systemUTC().instant();
            boolean healthy = true;
            System.out.printf("%s  public key %s  port %d%n", status.interfaceName(), status.publicKey(),
                    status.listenPort());
            for (WgStatus.Peer peer : status.peers()) {
                WgStatus.Health health = peer.health(now, staleAfter);
                healthy &= health == WgStatus.Health.HEALTHY;
                System.out.printf("  peer %s  %-12s  handshake %s  rx %d B  tx %d B  endpoint %s%n", peer.publicKey(),
                        health, peer.handshakeAge(now).map(age -> age.toSeconds() + " s ago").orElse("never"),
                        peer.rxBytes(), peer.txBytes(), peer.endpoint().orElse("-"));
            }
            return healthy ? Cli.OK : Cli.FAILURE;
        }
    }
}
