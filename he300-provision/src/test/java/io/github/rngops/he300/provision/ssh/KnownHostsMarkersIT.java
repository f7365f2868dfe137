package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @revoked} and {@code @cert-authority} in known_hosts, judged by OpenSSH's own client against a real sshd on
 * 127.0.0.1 and by he300 against the same file: each case must get the same verdict, and a revoked key is reported
 * as revoked (never as "changed, run ssh-keygen -R", which would delete the revocation).
 */
class KnownHostsMarkersIT {
    @TempDir
    static Path dir;
    private static OpenSshServer plain;
    private static OpenSshServer certified;

    @BeforeAll
    static void start() throws Exception {
        plain = OpenSshServer.start(Files.createDirectories(dir.resolve("plain")));
        certified = OpenSshServer.start(Files.createDirectories(dir.resolve("certified")), Map.of(), true);
    }

    @AfterAll
    static void stop() {
        for (OpenSshServer server : new OpenSshServer[] {plain, certified}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A verdict: accepted, or the reason he300 gives (OpenSSH: its exit code and what it printed). */
    record Verdicts(boolean openSsh, String openSshSays, boolean he300, SshException.Reason reason, String message) {}

    static Verdicts judge(OpenSshServer server, String knownHosts) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "known_hosts", "");
        Files.writeString(file, knownHosts);
        Process ssh = new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o",
                "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + file, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-i", server.clientKey().toString(), "-p", String.valueOf(server.port()),
                System.getProperty("user.name") + "@127.0.0.1", "true").redirectErrorStream(true).start();
        String says = new String(ssh.getInputStream().readAllBytes());
        if (!ssh.waitFor(30, TimeUnit.SECONDS)) {
            ssh.destroyForcibly();
        }
        boolean openSsh = ssh.exitValue() == 0;
        try (SshSession session = SshSession.open(server.target(), HostKeyPolicy.knownHosts(file),
                Auth.keyFile(server.clientKey()))) {
            session.runChecked(Command.of("true"));
            return new Verdicts(openSsh, says, true, null, "");
        } catch (SshException e) {
            return new Verdicts(openSsh, says, false, e.reason(), e.getMessage());
        }
    }

    static String key(Path publicKey) throws IOException {
        String[] pub = Files.readString(publicKey).strip().split(" ");
        return pub[0] + " " + pub[1];
    }

    static String host(OpenSshServer server) {
        return "[127.0.0.1]:" + server.port();
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAnotherLineListsIt() throws Exception {
        String line = plain.knownHostsLine();
        String revoked = "@revoked " + host(plain) + " " + key(plain.hostPublicKey());
        Verdicts both = judge(plain, line + "\n" + revoked + "\n");
        assertThat(both.openSsh()).as(both.openSshSays()).isFalse();
        assertThat(both.openSshSays()).contains("REVOKED");
        assertThat(both.he300()).isFalse();
        assertThat(both.reason()).isEqualTo(SshException.Reason.REVOKED_HOST_KEY);
        assertThat(both.message()).contains("@revoked", TestKeys.fingerprint(plain.hostPublicKey()))
                .doesNotContain("ssh-keygen -R");
    }

    @Test
    void aRevokedKeyAloneIsRevokedNotChanged() throws Exception {
        Verdicts alone = judge(plain, "@revoked " + host(plain) + " " + key(plain.hostPublicKey()) + "\n");
        assertThat(alone.openSsh()).as(alone.openSshSays()).isFalse();
        assertThat(alone.he300()).isFalse();
        assertThat(alone.reason()).isEqualTo(SshException.Reason.REVOKED_HOST_KEY);
        assertThat(alone.message()).doesNotContain("CHANGED").doesNotContain("ssh-keygen -R");

        Verdicts wildcard = judge(plain, plain.knownHostsLine() + "\n@revoked * " + key(plain.hostPublicKey()) + "\n");
        assertThat(wildcard.openSsh()).isFalse();
        assertThat(wildcard.reason()).isEqualTo(SshException.Reason.REVOKED_HOST_KEY);
    }

    @Test
    void anotherKeysRevocationDoesNotMatter() throws Exception {
        Verdicts other = judge(plain, "@revoked * " + key(certified.hostPublicKey()) + "\n" + plain.knownHostsLine()
                + "\n");
        assertThat(other.openSsh()).as(other.openSshSays()).isTrue();
        assertThat(other.he300()).as(other.message()).isTrue();
    }

    @Test
    void aCertificateAuthorityVouchesForHostCertificatesOnly() throws Exception {
        String ca = key(certified.caPublicKey());
        Verdicts byCa = judge(certified, "@cert-authority " + host(certified) + " " + ca + "\n");
        assertThat(byCa.openSsh()).as(byCa.openSshSays()).isTrue();
        assertThat(byCa.he300()).as(byCa.message()).isTrue();

        // the CA's line names no other host: not this one
        Verdicts elsewhere = judge(certified, "@cert-authority *.example.org " + ca + "\n");
        assertThat(elsewhere.openSsh()).as(elsewhere.openSshSays()).isFalse();
        assertThat(elsewhere.he300()).isFalse();
        assertThat(elsewhere.reason()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY);

        // a revoked CA: refused, as revoked
        Verdicts revokedCa = judge(certified, "@cert-authority " + host(certified) + " " + ca + "\n@revoked * " + ca
                + "\n");
        assertThat(revokedCa.openSsh()).as(revokedCa.openSshSays()).isFalse();
        assertThat(revokedCa.he300()).isFalse();
        assertThat(revokedCa.reason()).isEqualTo(SshException.Reason.REVOKED_HOST_KEY);

        // a CA line does not vouch for a plain key that happens to be the CA's: OpenSSH treats it as unknown
        Verdicts plainKey = judge(plain, "@cert-authority " + host(plain) + " " + key(plain.hostPublicKey()) + "\n");
        assertThat(plainKey.openSsh()).as(plainKey.openSshSays()).isFalse();
        assertThat(plainKey.he300()).isFalse();
        assertThat(plainKey.reason()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY);
    }
}
