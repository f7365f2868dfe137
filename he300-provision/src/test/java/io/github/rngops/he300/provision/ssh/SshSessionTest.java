package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.core.command.CommandResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SshSession} against an embedded MINA SSHD host whose user is not root and whose sudo is passwordless. */
class SshSessionTest {
    @TempDir
    static Path dir;
    private static Path key;
    private static FakeHost host;

    @BeforeAll
    static void start() throws IOException {
        key = TestKeys.ed25519(dir, "id_ed25519");
        host = FakeHost.builder(Files.createDirectories(dir.resolve("host")))
                .authorizedKey(Path.of(key + ".pub"))
                .linux("x86_64", 1000, "ubuntu")
                .program("sudo", "[ \"$1\" = -n ] && shift; [ \"$1\" = -- ] && shift; echo SUDO >&2; exec \"$@\"")
                .program("echo", "exec /bin/echo \"$@\"")
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        host.close();
    }

    private static SshSession open(Path knownHosts) {
        return SshSession.open(host.target("ubuntu"), HostKeyPolicy.trustOnFirstUse(knownHosts, notice -> { }),
                Auth.keyFile(key));
    }

    @Test
    void noKeyAtAllSaysToGiveOneOrAddItToTheAgent() {
        assertThatThrownBy(() -> SshSession.open(SshTarget.of("ubuntu", "127.0.0.1", 2222),
                HostKeyPolicy.knownHosts(Path.of("/nonexistent/known_hosts")), List.of()))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.AUTH_FAILED);
                    assertThat(e.getMessage()).startsWith("no SSH key to authenticate as ubuntu on 127.0.0.1:2222")
                            .contains("--identity KEYFILE", "ssh-add KEYFILE", "$SSH_AUTH_SOCK");
                    if (System.getenv("SSH_AUTH_SOCK") == null) {
                        assertThat(e.getMessage()).contains("$SSH_AUTH_SOCK is not set, so no ssh-agent was asked");
                    }
                });
    }

    @Test
    void refusesUnknownHostKeyWithItsFingerprint() {
        Path knownHosts = dir.resolve("refuses/known_hosts");
        assertThatThrownBy(() -> SshSession.open(host.target("ubuntu"), HostKeyPolicy.knownHosts(knownHosts),
                Auth.keyFile(key)))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY);
                    assertThat(e.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
                    assertThat(e.getMessage()).contains(e.fingerprint(), "--trust-on-first-use", knownHosts.toString());
                });
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void trustOnFirstUseRecordsTheKeyThenPinsIt() throws IOException {
        Path knownHosts = dir.resolve("tofu/known_hosts");
        List<String> notices = new ArrayList<>();
        String fingerprint;
        try (SshSession ssh = SshSession.open(host.target("ubuntu"),
                HostKeyPolicy.trustOnFirstUse(knownHosts, notices::add), Auth.keyFile(key))) {
            fingerprint = ssh.hostKeyFingerprint();
        }
        assertThat(notices).singleElement().asString().contains(fingerprint, "127.0.0.1:" + host.port());
        assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + host.port() + " ecdsa-sha2-");
        // the recorded key now passes the strict policy, and a pin on its fingerprint too
        try (SshSession strict = SshSession.open(host.target("ubuntu"), HostKeyPolicy.knownHosts(knownHosts),
                Auth.keyFile(key));
                SshSession pinned = SshSession.open(host.target("ubuntu"), HostKeyPolicy.pinned(fingerprint),
                        Auth.keyFile(key))) {
            assertThat(strict.hostKeyFingerprint()).isEqualTo(fingerprint);
            assertThat(pinned.hostKeyFingerprint()).isEqualTo(fingerprint);
        }
    }

    @Test
    void refusesChangedHostKeyEvenWithTrustOnFirstUse() throws IOException {
        Path knownHosts = Files.createDirectories(dir.resolve("changed")).resolve("known_hosts");
        Path other = dir.resolve("changed/other");
        TestKeys.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "521", "-N", "", "-f", other.toString());
        String[] pub = Files.readString(Path.of(other + ".pub")).split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + host.port() + " " + pub[0] + " " + pub[1] + "\n");
        assertThatThrownBy(() -> open(knownHosts))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.CHANGED_HOST_KEY);
                    assertThat(e.getMessage()).contains("CHANGED", "man-in-the-middle", e.fingerprint());
                });
    }

    @Test
    void streamsOutputSendsStdinAndReturnsTheExitCode() {
        try (SshSession ssh = open(dir.resolve("run/known_hosts"))) {
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            List<String> err = Collections.synchronizedList(new ArrayList<>());
            CommandResult result = ssh.run(Command.builder("sh").args("-c", "cat; echo oops >&2; exit 3")
                    .stdin("one\ntwo\n").build(), out::add, err::add);
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(out).containsExactly("one", "two");
            assertThat(err).containsExactly("oops");
            assertThat(result.stdout()).isEqualTo("one\ntwo\n");
        }
    }

    @Test
    void wrapsSudoCommandsWhenTheUserIsNotRoot() {
        try (SshSession ssh = open(dir.resolve("sudo/known_hosts"))) {
            assertThat(ssh.isRoot()).isFalse();
            CommandResult result = ssh.runChecked(Command.builder("echo").arg("as root").sudo(true).build());
            assertThat(result.stdout()).isEqualTo("as root\n");
            assertThat(result.stderr()).isEqualTo("SUDO\n");
        }
    }

    @Test
    void stopsWhenSudoNeedsAPassword() throws IOException {
        try (FakeHost strict = FakeHost.builder(Files.createDirectories(dir.resolve("strict-sudo")))
                .authorizedKey(Path.of(key + ".pub"))
                .linux("x86_64", 1000, "deploy")
                .program("sudo", "echo 'sudo: a password is required' >&2; exit 1")
                .start();
                SshSession ssh = SshSession.open(strict.target("deploy"),
                        HostKeyPolicy.trustOnFirstUse(dir.resolve("strict-sudo/known_hosts"), n -> { }),
                        Auth.keyFile(key))) {
            assertThatThrownBy(() -> ssh.run(Command.builder("apt-get").arg("update").sudo(true).build()))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SshException.Reason.SUDO_NOT_PASSWORDLESS);
                        assertThat(e.getMessage()).startsWith(
                                "sudo on 127.0.0.1 needs a password: allow passwordless sudo for deploy");
                    });
        }
    }

    @Test
    void hostileValuesStayArguments() {
        Path pwned = dir.resolve("pwned");
        String model = "x'; touch " + pwned + "; '";
        try (SshSession ssh = open(dir.resolve("hostile/known_hosts"))) {
            CommandResult result = ssh.runChecked(Command.builder("echo").arg(model).arg("$(touch " + pwned + ")")
                    .arg("`touch " + pwned + "`").build());
            assertThat(result.stdout()).isEqualTo(model + " $(touch " + pwned + ") `touch " + pwned + "`\n");
        }
        assertThat(pwned).doesNotExist();
    }

    @Test
    void timeoutKillsTheCommand() {
        Path marker = dir.resolve("late");
        try (SshSession ssh = open(dir.resolve("timeout/known_hosts"))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ssh.run(Command.builder("sh").args("-c", "sleep 5; touch " + marker)
                    .timeout(Duration.ofMillis(500)).build()))
                    .isInstanceOfSatisfying(CommandException.class,
                            e -> assertThat(e.reason()).isEqualTo(CommandException.Reason.TIMED_OUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            // the session is still usable
            assertThat(ssh.runChecked(Command.of("echo", "after")).stdout()).isEqualTo("after\n");
        }
        sleep(5500);
        assertThat(marker).doesNotExist();
    }

    @Test
    void reconnectsOnceWhenTheConnectionDropped() {
        try (SshSession ssh = open(dir.resolve("reconnect/known_hosts"))) {
            assertThat(ssh.runChecked(Command.of("echo", "before")).stdout()).isEqualTo("before\n");
            host.dropConnections();
            sleep(300);
            assertThat(ssh.runChecked(Command.of("echo", "after")).stdout()).isEqualTo("after\n");
            assertThat(ssh.connections()).isEqualTo(2);
        }
    }

    @Test
    void uploadsWithTheModeAndReplacesAtomically() throws IOException {
        Path target = dir.resolve("upload/sub/.env");
        try (SshSession ssh = open(dir.resolve("upload/known_hosts"))) {
            ssh.mkdirs(target.getParent().toString());
            ssh.upload("OLD=1\n".getBytes(StandardCharsets.UTF_8), target.toString(), 0644);
            ssh.upload("SECRET=s3cret\n".getBytes(StandardCharsets.UTF_8), target.toString(), 0600);
            assertThat(ssh.mode(target.toString())).isEqualTo(0600);
        }
        assertThat(Files.readString(target)).isEqualTo("SECRET=s3cret\n");
        assertThat(Files.getPosixFilePermissions(target)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void forwardsALocalPortToTheHostsLoopback() throws Exception {
        try (TinyHttp http = TinyHttp.start("hello through the tunnel");
                SshSession ssh = open(dir.resolve("forward/known_hosts"));
                Forward forward = ssh.forward(0, "127.0.0.1", http.port())) {
            assertThat(forward.localPort()).isPositive().isNotEqualTo(http.port());
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hello through the tunnel");
        }
    }

    @Test
    void closingAForwardEndsItsListenerAtOnce() throws Exception {
        try (SshSession ssh = open(dir.resolve("forward-close/known_hosts"))) {
            for (int i = 0; i < 3; i++) {
                Forward forward = ssh.forward(0, "127.0.0.1", 9);
                if (i > 0) {
                    sleep(100); // listening, blocked in accept(); the first one is closed before it gets there
                }
                long start = System.nanoTime();
                forward.close();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close waits for no timeout")
                        .isLessThan(Duration.ofMillis(1500));
                assertThat(forward.isOpen()).isFalse();
            }
            assertThat(Thread.getAllStackTraces().keySet()).as("no listener thread left spinning")
                    .noneMatch(t -> t.getName().startsWith("he300-forward-") && t.isAlive());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
