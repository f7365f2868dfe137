package io.github.rngops.he300.provision.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hierynomus.sshj.key.KeyAlgorithms;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentClient}'s wire format against the real OpenSSH {@code ssh-agent}: what it lists is what
 * {@code ssh-add -L} lists, and what it signs verifies with the public key under the algorithm asked for. Then against
 * peers on a real Unix socket that misbehave: silent, oversized, hanging up.
 */
class AgentClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] DATA = "session id and userauth request".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    private static OpenSshAgent agent;
    private static Path ed25519;
    private static Path ecdsa;
    private static Path rsa;

    @BeforeAll
    static void start() throws Exception {
        agent = OpenSshAgent.start(dir.resolve("a"));
        ed25519 = TestKeys.key(dir, "ed25519-key", "ed25519");
        ecdsa = TestKeys.key(dir, "ecdsa-key", "ecdsa");
        rsa = TestKeys.key(dir, "rsa-key", "rsa");
        agent.add(ed25519).add(ecdsa).add(rsa);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void listsTheKeysAsSshAddDoesInItsOrder() throws IOException {
        try (AgentClient client = AgentClient.connect(agent.socket(), TIMEOUT)) {
            List<AgentIdentity> identities = client.identities();
            assertThat(identities).map(id -> id.type() + " " + Base64.getEncoder().encodeToString(id.blob()) + " "
                    + id.comment()).containsExactlyElementsOf(agent.publicKeys());
            assertThat(identities).map(AgentIdentity::comment)
                    .containsExactly("ed25519-key", "ecdsa-key", "rsa-key");
            assertThat(identities).map(AgentIdentity::type)
                    .containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa");
            assertThat(identities).map(AgentIdentity::fingerprint).containsExactly(
                    TestKeys.fingerprint(Path.of(ed25519 + ".pub")), TestKeys.fingerprint(Path.of(ecdsa + ".pub")),
                    TestKeys.fingerprint(Path.of(rsa + ".pub")));
            assertThat(agent.fingerprints().get(0)).contains(identities.get(0).fingerprint());
        }
    }

    @Test
    void signaturesVerifyUnderTheAlgorithmAskedFor() throws Exception {
        try (AgentClient client = AgentClient.connect(agent.socket(), TIMEOUT)) {
            List<AgentIdentity> ids = client.identities();
            assertVerifies(ids.get(0), client.sign(ids.get(0), DATA, 0).orElseThrow(), KeyAlgorithms.EdDSA25519());
            assertVerifies(ids.get(1), client.sign(ids.get(1), DATA, 0).orElseThrow(),
                    KeyAlgorithms.ECDSASHANistp256());
            assertVerifies(ids.get(2), client.sign(ids.get(2), DATA, AgentClient.RSA_SHA2_512).orElseThrow(),
                    KeyAlgorithms.RSASHA512());
            assertVerifies(ids.get(2), client.sign(ids.get(2), DATA, AgentClient.RSA_SHA2_256).orElseThrow(),
                    KeyAlgorithms.RSASHA256());
        }
    }

    @Test
    void aKeyTheAgentDoesNotHoldGetsNoSignature() throws IOException {
        byte[] other = Base64.getDecoder().decode(
                Files.readString(Path.of(TestKeys.key(dir, "not-added", "ed25519") + ".pub")).split(" ")[1]);
        try (AgentClient client = AgentClient.connect(agent.socket(), TIMEOUT)) {
            assertThat(client.sign(new AgentIdentity(other, ""), DATA, 0)).isEmpty();
            assertThat(client.identities()).as("the connection is still usable after a refusal").hasSize(3);
        }
    }

    @Test
    void aConfirmationDeclinedIsARefusal() throws Exception {
        try (OpenSshAgent confirming = OpenSshAgent.start(dir.resolve("c"))) {
            confirming.addConfirmed(ed25519);
            try (AgentClient client = AgentClient.connect(confirming.socket(), TIMEOUT)) {
                AgentIdentity key = client.identities().get(0);
                confirming.answerConfirmations(false);
                assertThat(client.sign(key, DATA, 0)).isEmpty();
                confirming.answerConfirmations(true);
                assertVerifies(key, client.sign(key, DATA, 0).orElseThrow(), KeyAlgorithms.EdDSA25519());
            }
            assertThat(confirming.confirmations()).hasSize(2);
        }
    }

    @Test
    void aMissingSocketCannotBeConnected() {
        assertThatThrownBy(() -> AgentClient.connect(dir.resolve("no-such.sock"), TIMEOUT))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anAgentThatNeverAnswersTimesOut() throws Exception {
        try (Peer peer = Peer.start(dir.resolve("silent.sock"), request -> { })) {
            try (AgentClient client = AgentClient.connect(peer.socket, Duration.ofMillis(300))) {
                long start = System.nanoTime();
                assertThatThrownBy(client::identities).isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("did not answer within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void anOversizedAnswerIsRefusedBeforeItIsRead() throws Exception {
        try (Peer peer = Peer.start(dir.resolve("big.sock"), channel -> write(channel, ByteBuffer.allocate(4)
                .putInt(Integer.MAX_VALUE).flip()))) {
            try (AgentClient client = AgentClient.connect(peer.socket, TIMEOUT)) {
                assertThatThrownBy(client::identities).isInstanceOf(IOException.class)
                        .hasMessageContaining("a message of 2147483647 bytes");
            }
        }
    }

    @Test
    void aHangUpAndAWrongAnswerAreSaidSo() throws Exception {
        try (Peer peer = Peer.start(dir.resolve("gone.sock"), channel -> close(channel))) {
            try (AgentClient client = AgentClient.connect(peer.socket, TIMEOUT)) {
                assertThatThrownBy(client::identities).isInstanceOf(EOFException.class)
                        .hasMessageContaining("closed the connection");
            }
        }
        try (Peer peer = Peer.start(dir.resolve("wrong.sock"), channel -> write(channel, ByteBuffer.allocate(5)
                .putInt(1).put(AgentClient.FAILURE).flip()))) {
            try (AgentClient client = AgentClient.connect(peer.socket, TIMEOUT)) {
                assertThatThrownBy(client::identities).hasMessageContaining("with message 5, not 12");
            }
        }
    }

    private static void assertVerifies(AgentIdentity key, byte[] signature, KeyAlgorithms.Factory algorithm)
            throws Exception {
        PublicKey publicKey = new Buffer.PlainBuffer(key.blob()).readPublicKey();
        Signature verifier = algorithm.create().newSignature();
        assertThat(new Buffer.PlainBuffer(signature).readString()).isEqualTo(verifier.getSignatureName());
        verifier.initVerify(publicKey);
        verifier.update(DATA);
        assertThat(verifier.verify(signature)).as(key + " signed as " + algorithm.getName()).isTrue();
    }

    private static void write(SocketChannel channel, ByteBuffer bytes) {
        try {
            channel.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A peer on a real Unix socket that reads one request, then does what the test says. */
    private static final class Peer implements AutoCloseable {
        final Path socket;
        final ServerSocketChannel server;
        final Thread thread;

        private Peer(Path socket, ServerSocketChannel server, Thread thread) {
            this.socket = socket;
            this.server = server;
            this.thread = thread;
        }

        static Peer start(Path socket, Consumer<SocketChannel> answer) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread thread = new Thread(() -> {
                try (SocketChannel channel = server.accept()) {
                    channel.read(ByteBuffer.allocate(1024));
                    answer.accept(channel);
                    Thread.sleep(Long.MAX_VALUE);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
            return new Peer(socket, server, thread);
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            server.close();
            Files.deleteIfExists(socket);
        }
    }
}
