package io.github.rngops.he300.provision.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;

/**
 * A client of the ssh-agent protocol (IETF draft-miller-ssh-agent) over the agent's Unix domain socket, as
 * {@code ssh} and {@code ssh-add} speak it: list the identities, ask for a signature. The agent's private keys never
 * leave it; this side sees public key blobs, comments and signatures only. Every exchange has a deadline, so an
 * agent that hangs (stopped, or waiting on a confirmation nobody gives) fails instead of blocking the login.
 */
final class AgentClient implements AutoCloseable {
    static final byte FAILURE = 5;
    static final byte REQUEST_IDENTITIES = 11;
    static final byte IDENTITIES_ANSWER = 12;
    static final byte SIGN_REQUEST = 13;
    static final byte SIGN_RESPONSE = 14;
    /** Sign flags: an RSA key signs with SHA-256 or SHA-512 instead of the SHA-1 of {@code ssh-rsa}. */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;
    /** OpenSSH's agent refuses messages past 256 KiB; so does this client. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final Duration timeout;

    private AgentClient(Path socket, SocketChannel channel, Selector selector, Duration timeout) throws IOException {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
        channel.configureBlocking(false);
        this.key = channel.register(selector, 0);
    }

    /** Connects to the agent listening on {@code socket}; each later exchange must finish within {@code timeout}. */
    static AgentClient connect(Path socket, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new AgentClient(socket, channel, Selector.open(), timeout);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    /** {@return the keys the agent holds, in its order (the order {@code ssh-add -l} lists them)} */
    synchronized List<AgentIdentity> identities() throws IOException {
        Buffer.PlainBuffer answer = exchange(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES));
        try {
            byte type = answer.readByte();
            if (type != IDENTITIES_ANSWER) {
                throw new IOException("the agent answered the list of keys with message " + type + ", not "
                        + IDENTITIES_ANSWER);
            }
            long count = answer.readUInt32();
            List<AgentIdentity> identities = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                byte[] blob = answer.readStringAsBytes();
                identities.add(new AgentIdentity(blob, answer.readString(StandardCharsets.UTF_8)));
            }
            return List.copyOf(identities);
        } catch (Buffer.BufferException e) {
            throw malformed(e);
        }
    }

    /**
     * Asks the agent to sign {@code data} with {@code identity}'s private key ({@code flags}: 0, or
     * {@link #RSA_SHA2_256} / {@link #RSA_SHA2_512} for an RSA key).
     *
     * @return the signature as SSH encodes it (algorithm name, then the signature bytes); empty when the agent
     *     refuses ({@code SSH_AGENT_FAILURE}: a key it does not hold, or one added with {@code ssh-add -c} whose
     *     confirmation was declined)
     */
    synchronized Optional<byte[]> sign(AgentIdentity identity, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer answer = exchange(new Buffer.PlainBuffer().putByte(SIGN_REQUEST)
                .putString(identity.blob()).putString(data).putUInt32(flags));
        try {
            byte type = answer.readByte();
            if (type == FAILURE) {
                return Optional.empty();
            }
            if (type != SIGN_RESPONSE) {
                throw new IOException("the agent answered a sign request with message " + type + ", not "
                        + SIGN_RESPONSE);
            }
            return Optional.of(answer.readStringAsBytes());
        } catch (Buffer.BufferException e) {
            throw malformed(e);
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // closing after use: nothing left to do
        }
    }

    /** Sends one message (framed with its length) and reads the one answer. */
    private Buffer.PlainBuffer exchange(Buffer.PlainBuffer request) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] body = request.getCompactData();
        ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
        transfer(out, SelectionKey.OP_WRITE, deadline);
        ByteBuffer length = ByteBuffer.allocate(4);
        transfer(length, SelectionKey.OP_READ, deadline);
        int size = length.flip().getInt();
        if (size <= 0 || size > MAX_MESSAGE) {
            throw new IOException("the agent sent a message of " + Integer.toUnsignedString(size)
                    + " bytes (at most " + MAX_MESSAGE + ")");
        }
        ByteBuffer in = ByteBuffer.allocate(size);
        transfer(in, SelectionKey.OP_READ, deadline);
        return new Buffer.PlainBuffer(in.array());
    }

    private static IOException malformed(Buffer.BufferException e) {
        return new IOException("the agent sent a malformed answer (" + e.getMessage() + ")", e);
    }

    private void transfer(ByteBuffer buffer, int operation, long deadline) throws IOException {
        key.interestOps(operation);
        while (buffer.hasRemaining()) {
            int n = operation == SelectionKey.OP_READ ? channel.read(buffer) : channel.write(buffer);
            if (n < 0) {
                throw new EOFException("the agent closed the connection");
            }
            if (n == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("the agent did not answer within " + (timeout.toMillis() < 1000
                            ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
                }
                selector.select(left);
                selector.selectedKeys().clear();
            }
        }
    }
}
