package io.github.rngops.he300.provision.ssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server ({@code /usr/sbin/sshd -D -e -f <own config>}) on a free port of 127.0.0.1, with its own
 * ed25519 host key and an authorized_keys file holding the test's key. In CI ({@code CI=true}) a missing sshd fails
 * the test; elsewhere it is skipped with what to install.
 */
public final class OpenSshServer implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final Path hostKey;
    private final Path clientKey;

    private OpenSshServer(Process process, int port, Path hostKey, Path clientKey) {
        this.process = process;
        this.port = port;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    public static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, Map.of());
    }

    /**
     * A server whose sessions get {@code env} ({@code SetEnv}, which overrides the default environment): a
     * {@code PATH} of fake programs and a {@code HE300_PROBE_ROOT} make this machine answer like another host.
     */
    public static OpenSshServer start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return start(dir, env, false);
    }

    /**
     * With {@code certificate}, the host key is also certified by a CA of the test's ({@code dir/host_ca}, principal
     * {@code 127.0.0.1}) and sshd offers the certificate ({@code HostCertificate}); {@link #caPublicKey()} is the CA.
     */
    public static OpenSshServer start(Path dir, Map<String, String> env, boolean certificate)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            String why = SSHD + " is not installed: add openssh-server to APT_PACKAGES in .ci/run";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + why);
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory, absent without systemd
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        TestKeys.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        Path clientKey = TestKeys.ed25519(dir, "id_ed25519");
        String hostCertificate = "";
        if (certificate) {
            Path ca = dir.resolve("host_ca");
            TestKeys.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ca.toString());
            TestKeys.run("ssh-keygen", "-q", "-s", ca.toString(), "-I", "he300-test-host", "-h", "-n", "127.0.0.1",
                    "-V", "-5m:+1d", hostKey + ".pub");
            hostCertificate = "HostCertificate " + hostKey + "-cert.pub";
        }
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                "UsePAM no",
                "PidFile " + dir.resolve("sshd.pid"),
                "Subsystem sftp internal-sftp",
                "AllowTcpForwarding yes",
                "MaxSessions 64",
                "LogLevel ERROR",
                hostCertificate,
                env.isEmpty() ? "" : "SetEnv " + env.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "=" + e.getValue() + "\"").collect(Collectors.joining(" ")),
                ""));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                probe.shutdownOutput();
                return new OpenSshServer(process, port, hostKey, clientKey);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    public int port() {
        return port;
    }

    public SshTarget target() {
        return SshTarget.of(System.getProperty("user.name"), "127.0.0.1", port);
    }

    /** The server's public host key file. */
    public Path hostPublicKey() {
        return Path.of(hostKey + ".pub");
    }

    /** The CA's public key file, for a server started with a host certificate. */
    public Path caPublicKey() {
        return hostKey.resolveSibling("host_ca.pub");
    }

    /** The client's private key, authorized on the server. */
    public Path clientKey() {
        return clientKey;
    }

    /** Adds a public key file to the server's authorized_keys (read afresh at every login). */
    public void authorize(Path publicKey) throws IOException {
        Files.writeString(hostKey.resolveSibling("authorized_keys"), Files.readString(publicKey),
                StandardOpenOption.APPEND);
    }

    /** A known_hosts line for this server, as {@code ssh-keyscan} would write it. */
    public String knownHostsLine() {
        String[] pub = TestKeys.read(hostPublicKey()).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
