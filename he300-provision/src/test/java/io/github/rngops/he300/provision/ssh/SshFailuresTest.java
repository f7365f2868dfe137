package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures named for what they are: an encrypted key is not a refused login, a name that does not resolve is not. */
class SshFailuresTest {
    @TempDir
    static Path dir;
    private static Path encrypted;
    private static FakeHost host;

    @BeforeAll
    static void start() throws IOException {
        encrypted = dir.resolve("id_encrypted");
        TestKeys.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "correct horse", "-C", "he300-test", "-f",
                encrypted.toString());
        host = FakeHost.builder(Files.createDirectories(dir.resolve("host")))
                .authorizedKey(Path.of(encrypted + ".pub")).linux("x86_64", 1000, "ubuntu").start();
    }

    @AfterAll
    static void stop() throws IOException {
        host.close();
    }

    @Test
    void anEncryptedKeyWithoutAPassphraseIsNamedAsSuch() {
        assertThatThrownBy(() -> SshSession.open(host.target("ubuntu"),
                HostKeyPolicy.trustOnFirstUse(dir.resolve("known_hosts"), notice -> { }), Auth.keyFile(encrypted)))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the key file " + encrypted + " is encrypted and no passphrase was given: put it in"
                                + " $HE300_SSH_KEY_PASSPHRASE, load it into your ssh-agent (ssh-add " + encrypted
                                + "), or give an unencrypted key with --identity")
                        .doesNotContain("authentication"));
    }

    @Test
    void anEncryptedKeyIsSkippedWhenAnotherKeyLogsIn() throws IOException {
        Path other = TestKeys.ed25519(Files.createDirectories(dir.resolve("other")), "id_other");
        try (FakeHost second = FakeHost.builder(Files.createDirectories(dir.resolve("host2")))
                .authorizedKey(Path.of(other + ".pub")).linux("x86_64", 1000, "ubuntu").start();
                SshSession ssh = SshSession.open(second.target("ubuntu"),
                        HostKeyPolicy.trustOnFirstUse(dir.resolve("known_hosts2"), notice -> { }),
                        Auth.keyFile(encrypted), Auth.keyFile(other))) {
            assertThat(ssh.connections()).isEqualTo(1);
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsNotAnAuthenticationFailure() {
        assertThatThrownBy(() -> SshSession.open(SshTarget.of("ubuntu", "no-such-host.invalid"),
                HostKeyPolicy.knownHosts(dir.resolve("known_hosts")), Auth.keyFile(encrypted)))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.CONNECT_FAILED);
                    assertThat(e.getMessage()).startsWith("cannot resolve host no-such-host.invalid: check the name")
                            .doesNotContain("Exception");
                });
    }
}
