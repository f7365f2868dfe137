package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SshSession} logging in with the keys of a real {@code ssh-agent} ({@link OpenSshAgent}, loaded by
 * {@code ssh-add}) on a real OpenSSH server on loopback ({@link OpenSshServer}), whose host key is still checked.
 */
class AgentLoginIT {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;
    private static OpenSshServer sshd;
    private static Path knownHosts;
    private static Path keys;

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        keys = Files.createDirectories(dir.resolve("keys"));
        for (String type : List.of("ecdsa", "rsa")) {
            sshd.authorize(pub(TestKeys.key(keys, type, type)));
        }
        sshd.authorize(pub(TestKeys.encrypted(keys, "encrypted", PASSPHRASE)));
        for (int i = 1; i <= 6; i++) {
            TestKeys.key(keys, "wrong" + i, "ed25519");
        }
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static Path pub(Path key) {
        return Path.of(key + ".pub");
    }

    private static OpenSshAgent agent(String name) throws Exception {
        return OpenSshAgent.start(dir.resolve(name));
    }

    private static SshSession open(Auth... auths) {
        return SshSession.open(sshd.target(), HostKeyPolicy.knownHosts(knownHosts), auths);
    }

    private static String whoami(SshSession ssh) {
        return ssh.runChecked(Command.of("id", "-un")).stdout().strip();
    }

    @Test
    void theRightKeyAmongWrongOnesLogsInAndTheHostKeyIsChecked() throws Exception {
        try (OpenSshAgent agent = agent("right").add(keys.resolve("wrong1")).add(keys.resolve("wrong2"))
                .add(sshd.clientKey());
                SshSession ssh = open(Auth.agent(agent.socket()))) {
            assertThat(whoami(ssh)).isEqualTo(System.getProperty("user.name"));
            assertThat(ssh.hostKeyFingerprint()).isEqualTo(TestKeys.fingerprint(sshd.hostPublicKey()));
        }
    }

    /** RSA included: OpenSSH 8.8 and later refuse ssh-rsa (SHA-1), so a login proves rsa-sha2. */
    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void eachKeyTypeSignsThroughTheAgent(String type) throws Exception {
        Path key = type.equals("ed25519") ? sshd.clientKey() : keys.resolve(type);
        try (OpenSshAgent agent = agent("type-" + type).add(key);
                SshSession ssh = open(Auth.agent(agent.socket()))) {
            assertThat(whoami(ssh)).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void anEncryptedKeyGivenIsSignedByTheAgentWithoutItsPassphrase() throws Exception {
        Path encrypted = keys.resolve("encrypted");
        assertThatThrownBy(() -> open(Auth.keyFile(encrypted)))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage())
                        .contains("is encrypted and no passphrase was given", "ssh-add " + encrypted));
        try (OpenSshAgent agent = agent("encrypted").add(keys.resolve("wrong1")).add(encrypted, PASSPHRASE);
                SshSession ssh = open(Auth.agentForKeyFiles(agent.socket()), Auth.keyFile(encrypted))) {
            assertThat(whoami(ssh)).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void aGivenKeyKeepsTheAgentsOtherKeysOut() throws Exception {
        Path wrong = keys.resolve("wrong3");
        try (OpenSshAgent agent = agent("only").add(sshd.clientKey())) {
            assertThatThrownBy(() -> open(Auth.agentForKeyFiles(agent.socket()), Auth.keyFile(wrong)))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SshException.Reason.AUTH_FAILED);
                        assertThat(e.getMessage()).contains("(tried key " + wrong + ")")
                                .doesNotContain("of the ssh-agent");
                    });
        }
    }

    @Test
    void anAgentWithNoKeysSaysToSshAdd() throws Exception {
        try (OpenSshAgent agent = agent("empty")) {
            assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SshException.Reason.AUTH_FAILED);
                        assertThat(e.getMessage()).startsWith("no SSH key to authenticate as")
                                .contains("the ssh-agent at " + agent.socket() + " holds no keys",
                                        "ssh-add KEYFILE");
                    });
            try (SshSession ssh = open(Auth.agent(agent.socket()), Auth.keyFile(sshd.clientKey()))) {
                assertThat(whoami(ssh)).as("a key file still logs in").isEqualTo(System.getProperty("user.name"));
            }
        }
    }

    @Test
    void aKilledAgentIsNamedByItsSocket() throws Exception {
        OpenSshAgent agent = agent("killed").add(sshd.clientKey());
        agent.stop();
        assertThat(agent.socket()).as("ssh-agent removes its socket on SIGTERM").doesNotExist();
        assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage())
                        .contains("the ssh-agent at " + agent.socket() + " cannot be reached", "SSH_AUTH_SOCK"));
        try (SshSession ssh = open(Auth.agent(agent.socket()), Auth.keyFile(sshd.clientKey()))) {
            assertThat(whoami(ssh)).as("a key file still logs in").isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void aDeadAgentsLeftoverSocketIsNamedToo() throws Exception {
        OpenSshAgent agent = agent("dead").add(sshd.clientKey());
        agent.kill();
        assertThat(agent.socket()).as("SIGKILL leaves the socket file").exists();
        assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage())
                        .contains("the ssh-agent at " + agent.socket() + " cannot be reached (Connection refused)"));
    }

    @Test
    void noneOfTheAgentsKeysAcceptedListsThemByFingerprintAndComment() throws Exception {
        Path one = keys.resolve("wrong1");
        Path two = keys.resolve("wrong2");
        try (OpenSshAgent agent = agent("none").add(one).add(two)) {
            assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SshException.Reason.AUTH_FAILED);
                        assertThat(e.getMessage()).contains("2 keys of the ssh-agent at " + agent.socket(),
                                "ssh-ed25519 " + TestKeys.fingerprint(pub(one)) + " wrong1",
                                "ssh-ed25519 " + TestKeys.fingerprint(pub(two)) + " wrong2", "authorized_keys");
                        for (Path key : List.of(one, two)) {   // public or private, no key material
                            assertThat(e.getMessage()).doesNotContain(TestKeys.read(pub(key)).split(" ")[1]);
                            TestKeys.read(key).lines().filter(line -> !line.startsWith("-----"))
                                    .forEach(line -> assertThat(e.getMessage()).doesNotContain(line));
                        }
                    });
        }
    }

    @Test
    void aDeclinedConfirmationIsNamedAsTheAgentsRefusal() throws Exception {
        try (OpenSshAgent agent = agent("confirm").addConfirmed(sshd.clientKey())) {
            agent.answerConfirmations(false);
            assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                    .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage()).contains(
                            "refused to sign with ssh-ed25519 " + TestKeys.fingerprint(pub(sshd.clientKey())),
                            "a key the host accepts", "ssh-add -c"));
            agent.answerConfirmations(true);
            try (SshSession ssh = open(Auth.agent(agent.socket()))) {
                assertThat(whoami(ssh)).isEqualTo(System.getProperty("user.name"));
            }
            assertThat(agent.confirmations()).hasSize(2);
        }
    }

    @Test
    void anUnknownHostKeyStopsTheLoginBeforeTheAgentIsAsked() throws Exception {
        try (OpenSshAgent agent = agent("hostkey").addConfirmed(sshd.clientKey())) {
            agent.answerConfirmations(true);
            assertThatThrownBy(() -> SshSession.open(sshd.target(), HostKeyPolicy.knownHosts(dir.resolve("no_known_hosts")),
                    Auth.agent(agent.socket())))
                    .isInstanceOfSatisfying(SshException.class,
                            e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY));
            assertThat(agent.confirmations()).as("nothing was signed for an unverified host").isEmpty();
        }
    }

    @Test
    void tooManyWrongKeysBeforeTheRightOneSaysMaxAuthTries() throws Exception {
        try (OpenSshAgent agent = agent("many")) {
            List<String> fingerprints = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                agent.add(keys.resolve("wrong" + i));
                fingerprints.add(TestKeys.fingerprint(pub(keys.resolve("wrong" + i))));
            }
            agent.add(sshd.clientKey());
            assertThatThrownBy(() -> open(Auth.agent(agent.socket())))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SshException.Reason.AUTH_FAILED);
                        assertThat(e.getMessage()).contains("MaxAuthTries", "--identity", "ssh-add -d")
                                .contains(fingerprints.get(0));
                    });
            try (SshSession ssh = open(Auth.agentForKeyFiles(agent.socket()), Auth.keyFile(sshd.clientKey()))) {
                assertThat(whoami(ssh)).as("naming the key offers it first").isEqualTo(System.getProperty("user.name"));
            }
        }
    }
}
