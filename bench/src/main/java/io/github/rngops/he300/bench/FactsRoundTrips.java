package io.github.rngops.he300.bench;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.ssh.Auth;
import io.github.rngops.he300.provision.ssh.HostKeyPolicy;
import io.github.rngops.he300.provision.ssh.SshSession;
import io.github.rngops.he300.provision.ssh.SshTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Facts gathering over SSH on loopback, three ways: the he300 probe (one connection, one script on one channel),
 * the same probes as separate commands on one connection (one channel each), and the naive baseline (one {@code ssh}
 * client process, so one connection, per probe command). Starts its own OpenSSH server (needs root and
 * openssh-server); prints round trips and median wall time.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.github.rngops.he300.bench.FactsRoundTrips [rounds]
 * </pre>
 */
public final class FactsRoundTrips {
    /** The probes of probe.sh, one shell line each, as a naive installer would run them. */
    private static final List<String> PROBES = List.of(
            "cat /etc/os-release", "uname -s", "uname -m", "test -e /etc/lambda-stack",
            "dpkg-query -W lambda-stack-cuda", "grep -li lambdalabs /etc/apt/sources.list /etc/apt/sources.list.d/*",
            "nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits",
            "lspci", "docker version --format '{{.Server.Version}}'", "docker compose version",
            "docker info --format '{{json .Runtimes}}'",
            "dpkg-query -W -f='${Version}' nvidia-container-toolkit", "nvidia-ctk --version", "id -u", "id -un",
            "sudo -n true", "nproc", "free -b", "test -d /var/lib/docker", "df -B1 --output=avail /",
            "test -e /var/run/reboot-required");

    private FactsRoundTrips() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("he300-bench-ssh");
        Sshd sshd = Sshd.start(dir);
        try {
            SshTarget target = SshTarget.of(System.getProperty("user.name"), "127.0.0.1", sshd.port);
            HostKeyPolicy policy = HostKeyPolicy.knownHosts(sshd.knownHosts);
            Auth auth = Auth.keyFile(sshd.clientKey);
            Harness.medianNanos(1, () -> probeScript(target, policy, auth)); // warm-up: JIT, class loading
            Harness.medianNanos(1, () -> channelPerProbe(target, policy, auth));
            long script = Harness.medianNanos(rounds, () -> probeScript(target, policy, auth));
            long channels = Harness.medianNanos(rounds, () -> channelPerProbe(target, policy, auth));
            long naive = Harness.medianNanos(rounds, () -> sshPerProbe(sshd));
            System.out.printf("facts gathering over SSH on loopback, median of %d rounds, %d probe commands%n",
                    rounds, PROBES.size());
            System.out.printf("  %-44s %3d connection, %2d channel   %6.1f ms%n",
                    "he300: one script (HostFactsProbe)", 1, 1, script / 1e6);
            System.out.printf("  %-44s %3d connection, %2d channels  %6.1f ms%n",
                    "he300: one connection, a channel per probe", 1, PROBES.size(), channels / 1e6);
            System.out.printf("  %-44s %3d connections             %6.1f ms%n",
                    "naive: one ssh process per probe", PROBES.size(), naive / 1e6);
            System.out.printf("  speed-up of the one-script probe over the naive baseline: %.1fx%n",
                    (double) naive / script);
            System.out.printf("  speed-up of one connection with many channels over the naive baseline: %.1fx%n",
                    (double) naive / channels);
        } finally {
            sshd.stop();
        }
    }

    private static void probeScript(SshTarget target, HostKeyPolicy policy, Auth auth) {
        try (SshSession ssh = SshSession.open(target, policy, auth)) {
            Counting counting = new Counting(ssh);
            HostFactsProbe.gather(counting);
            Harness.check(counting.commands == 1, "the probe ran " + counting.commands + " commands");
        }
    }

    private static void channelPerProbe(SshTarget target, HostKeyPolicy policy, Auth auth) {
        try (SshSession ssh = SshSession.open(target, policy, auth)) {
            for (String probe : PROBES) {
                ssh.run(Command.of("sh", "-c", probe));
            }
        }
    }

    private static void sshPerProbe(Sshd sshd) {
        for (String probe : PROBES) {
            sshd.ssh(System.getProperty("user.name"), probe, null);
        }
    }

    /** Counts the commands (SSH channels) a runner is asked to run. */
    private static final class Counting implements CommandRunner {
        private final CommandRunner delegate;
        private int commands;

        Counting(CommandRunner delegate) {
            this.delegate = delegate;
        }

        @Override
        public CommandResult run(Command command, Consumer<String> out, Consumer<String> err) {
            commands++;
            return delegate.run(command, out, err);
        }
    }

    /** An OpenSSH server on a free loopback port with its own host key and the bench's client key. */
    static final class Sshd {
        final Process process;
        final int port;
        final Path clientKey;
        final Path knownHosts;

        private Sshd(Process process, int port, Path clientKey, Path knownHosts) {
            this.process = process;
            this.port = port;
            this.clientKey = clientKey;
            this.knownHosts = knownHosts;
        }

        /**
         * Runs {@code shellLine} as {@code user} through its own {@code ssh} client process, the way a script would:
         * the naive baseline, one connection per command.
         */
        void ssh(String user, String shellLine, byte[] stdin) {
            List<String> argv = List.of("ssh", "-q", "-p", String.valueOf(port), "-i", clientKey.toString(),
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                    "-o", "GlobalKnownHostsFile=/dev/null", user + "@127.0.0.1", shellLine);
            try {
                Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
                try (OutputStream in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                }
                process.getInputStream().readAllBytes();
                process.waitFor(60, TimeUnit.SECONDS);
                Harness.check(process.exitValue() != 255, "ssh failed to connect for: " + shellLine);
            } catch (IOException e) {
                throw new IllegalStateException("cannot run ssh (install openssh-client)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static Sshd start(Path dir) throws IOException, InterruptedException {
            Path hostKey = dir.resolve("host_key");
            Path clientKey = dir.resolve("client_key");
            exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
            exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey.toString());
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Files.createDirectories(Path.of("/run/sshd"));
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                    "HostKey " + hostKey, "AuthorizedKeysFile " + clientKey + ".pub",
                    "PermitRootLogin prohibit-password", "PasswordAuthentication no", "StrictModes no",
                    "UsePAM no", "PidFile " + dir.resolve("sshd.pid"), "MaxSessions 64", "LogLevel ERROR", ""));
            String[] pub = Files.readString(Path.of(hostKey + ".pub")).split(" ");
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n");
            Process process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            for (int i = 0; i < 200; i++) {
                try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    probe.shutdownOutput();
                    return new Sshd(process, port, clientKey, knownHosts);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("sshd did not start: see " + dir.resolve("sshd.log"));
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }

        private static void exec(String... argv) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(argv).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed");
            }
        }
    }
}
