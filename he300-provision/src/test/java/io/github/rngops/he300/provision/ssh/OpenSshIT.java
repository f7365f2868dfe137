package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SshSession} and {@link HostFactsProbe} against a real OpenSSH server on loopback. */
class OpenSshIT {
    @TempDir
    static Path dir;
    private static OpenSshServer sshd;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(dir);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshSession open() {
        return SshSession.open(sshd.target(), HostKeyPolicy.knownHosts(knownHosts), Auth.keyFile(sshd.clientKey()));
    }

    @Test
    void refusesUnknownHostKeyWithTheFingerprintSshKeygenPrints() {
        String expected = TestKeys.fingerprint(sshd.hostPublicKey());
        assertThatThrownBy(() -> SshSession.open(sshd.target(), HostKeyPolicy.knownHosts(dir.resolve("empty")),
                Auth.keyFile(sshd.clientKey())))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY);
                    assertThat(e.fingerprint()).isEqualTo(expected);
                    assertThat(e.getMessage()).contains("ssh-ed25519 " + expected);
                });
    }

    @Test
    void trustOnFirstUseRecordsAKeyOpenSshAccepts() throws Exception {
        Path tofu = dir.resolve("tofu_known_hosts");
        List<String> notices = new ArrayList<>();
        try (SshSession ssh = SshSession.open(sshd.target(), HostKeyPolicy.trustOnFirstUse(tofu, notices::add),
                Auth.keyFile(sshd.clientKey()))) {
            assertThat(ssh.hostKeyFingerprint()).isEqualTo(TestKeys.fingerprint(sshd.hostPublicKey()));
        }
        assertThat(notices).singleElement().asString().contains(TestKeys.fingerprint(sshd.hostPublicKey()));
        assertThat(Files.readString(tofu).strip()).isEqualTo(sshd.knownHostsLine());
        // OpenSSH's own client accepts the recorded file
        TestKeys.run("ssh-keygen", "-F", "[127.0.0.1]:" + sshd.port(), "-f", tofu.toString());
    }

    @Test
    void refusesChangedHostKey() throws Exception {
        Path other = TestKeys.ed25519(Files.createDirectories(dir.resolve("other")), "key");
        String[] pub = Files.readString(Path.of(other + ".pub")).split(" ");
        Path changed = dir.resolve("changed_known_hosts");
        Files.writeString(changed, "[127.0.0.1]:" + sshd.port() + " " + pub[0] + " " + pub[1] + "\n");
        assertThatThrownBy(() -> SshSession.open(sshd.target(), HostKeyPolicy.trustOnFirstUse(changed, n -> { }),
                Auth.keyFile(sshd.clientKey())))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.reason()).isEqualTo(SshException.Reason.CHANGED_HOST_KEY));
    }

    @Test
    void factsOfThisMachineOverSshMatchTheLocalOnes() {
        HostFacts remote;
        try (SshSession ssh = open()) {
            remote = HostFactsProbe.gather(ssh);
        }
        HostFacts local = HostFactsProbe.gather(LocalRunner.create());
        assertThat(remote.os()).isEqualTo(local.os());
        assertThat(remote.os().kernel()).isEqualTo("Linux");
        assertThat(remote.os().id()).isNotEmpty();
        assertThat(remote.cpus()).isPositive().isEqualTo(local.cpus());
        assertThat(remote.memoryBytes()).isPositive().isEqualTo(local.memoryBytes());
        assertThat(remote.diskAvailableBytes()).isPositive();
        assertThat(remote.privilege()).isEqualTo(local.privilege());
        assertThat(remote.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(remote.kind()).isEqualTo(local.kind());
    }

    @Test
    void uploadsSecretsWithMode0600() throws Exception {
        Path target = dir.resolve("stack/.env");
        try (SshSession ssh = open()) {
            ssh.mkdirs(target.getParent().toString());
            ssh.upload("API_KEY=s3cret\n".getBytes(StandardCharsets.UTF_8), target.toString(), 0600);
            assertThat(ssh.runChecked(Command.of("stat", "-c", "%a", target.toString())).stdout().strip())
                    .isEqualTo("600");
        }
        assertThat(Files.readString(target)).isEqualTo("API_KEY=s3cret\n");
    }

    @Test
    void forwardCarriesHttpToTheHostsLoopback() throws Exception {
        try (TinyHttp http = TinyHttp.start("{\"models\":[]}");
                SshSession ssh = open();
                Forward forward = ssh.forward(0, "127.0.0.1", http.port())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + "/api/tags")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("{\"models\":[]}");
        }
    }

    @Test
    void hostileModelNameCannotInjectCommands() {
        Path pwned = dir.resolve("pwned");
        String model = "x'; touch " + pwned + "; '";
        try (SshSession ssh = open()) {
            String out = ssh.runChecked(Command.builder("printf").args("%s", model).sudo(true).build()).stdout();
            assertThat(out).isEqualTo(model);
        }
        assertThat(pwned).doesNotExist();
    }

    @Test
    void timeoutKillsTheRemoteCommand() throws Exception {
        Path marker = dir.resolve("marker-" + System.nanoTime());
        try (SshSession ssh = open()) {
            assertThatThrownBy(() -> ssh.run(Command.builder("sh").args("-c", "sleep 20; touch " + marker)
                    .timeout(Duration.ofSeconds(1)).build()))
                    .isInstanceOfSatisfying(CommandException.class,
                            e -> assertThat(e.reason()).isEqualTo(CommandException.Reason.TIMED_OUT));
        }
        Thread.sleep(1500);
        Process pgrep = new ProcessBuilder("pgrep", "-f", marker.getFileName().toString()).start();
        assertThat(pgrep.waitFor()).as("no process of the timed-out command is left").isEqualTo(1);
        assertThat(marker).doesNotExist();
    }
}
