package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's {@code publickey} authentication (RFC 4252 section 7) with one key of an ssh-agent: the key is offered
 * without a signature; if the host answers {@code SSH_MSG_USERAUTH_PK_OK} the agent signs the session id and the
 * request, and the signed request is sent. The private key stays in the agent.
 *
 * <p>An ed25519 or ECDSA key (or any other type, certificates and FIDO keys included) is offered under its own
 * type. An RSA key is offered as {@code rsa-sha2-512}, then {@code rsa-sha2-256}; {@code ssh-rsa} (SHA-1) comes last,
 * and only to a host that may need it: one that is not OpenSSH, or OpenSSH before 7.2, which had no SHA-2 RSA
 * signatures. (sshj 0.40.0 drops the host's {@code server-sig-algs}, so the version string is what there is.)
 */
final class AgentAuthMethod extends AbstractAuthMethod {
    private static final Pattern OPENSSH_VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

    private final AgentClient agent;
    private final AgentIdentity identity;
    private Deque<String> algorithms;
    private volatile boolean offered;
    private volatile String problem;

    AgentAuthMethod(AgentClient agent, AgentIdentity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    AgentIdentity identity() {
        return identity;
    }

    Path socket() {
        return agent.socket();
    }

    /** {@return whether the key was offered to the host (a login that succeeded earlier never reaches it)} */
    boolean offered() {
        return offered;
    }

    /** {@return why the agent gave no usable signature for a key the host accepts; empty if it never had to} */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The algorithms to offer a key of {@code type} to a host whose version string is {@code serverVersion}. */
    static List<String> algorithms(String type, String serverVersion) {
        if (!type.equals("ssh-rsa") && !type.equals("ssh-rsa-cert-v01@openssh.com")) {
            return List.of(type);
        }
        String suffix = type.endsWith("-cert-v01@openssh.com") ? "-cert-v01@openssh.com" : "";
        Matcher openSsh = OPENSSH_VERSION.matcher(serverVersion);
        boolean sha2Only = openSsh.find() && (Integer.parseInt(openSsh.group(1)) > 7
                || Integer.parseInt(openSsh.group(1)) == 7 && Integer.parseInt(openSsh.group(2)) >= 2);
        return sha2Only ? List.of("rsa-sha2-512" + suffix, "rsa-sha2-256" + suffix)
                : List.of("rsa-sha2-512" + suffix, "rsa-sha2-256" + suffix, type);
    }

    @Override
    public void request() throws UserAuthException, TransportException {
        if (algorithms == null) {
            algorithms = new ArrayDeque<>(algorithms(identity.type(), params.getTransport().getServerVersion()));
        }
        log.debug("Offering the agent's key {} as {}", identity, algorithms.peek());
        params.getTransport().write(publickeyRequest(false));
        offered = true;
    }

    @Override
    public void handle(Message message, SSHPacket packet) throws UserAuthException, TransportException {
        if (message != Message.USERAUTH_60) {   // SSH_MSG_USERAUTH_PK_OK: the host would accept this key
            super.handle(message, packet);
            return;
        }
        String algorithm = algorithms.peek();
        SSHPacket request = publickeyRequest(true);
        byte[] signed = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(request)
                .getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(identity, signed, flags(algorithm)).orElse(null);
        } catch (IOException e) {
            throw refused(SshException.agentFailedToSign(agent.socket(), identity, e));
        }
        if (signature == null) {
            throw refused(SshException.agentRefusedToSign(agent.socket(), identity));
        }
        int flags = flags(algorithm);
        String wanted = flags == AgentClient.RSA_SHA2_512 ? "rsa-sha2-512" : "rsa-sha2-256";
        String signedAs = signatureAlgorithm(signature);
        if (flags != 0 && !signedAs.equals(wanted)) {   // an agent older than the SHA-2 flags ignores them
            throw refused(SshException.agentSignedAs(agent.socket(), identity, wanted, signedAs));
        }
        params.getTransport().write(request.putString(signature));
    }

    /** After a refusal, the next algorithm for the same key (RSA only), while the host still takes publickey. */
    @Override
    public boolean shouldRetry() {
        if (algorithms == null || problem != null) {
            return false;
        }
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    @Override
    public String toString() {
        return "agent key " + identity;
    }

    private SSHPacket publickeyRequest(boolean signed) throws UserAuthException {
        SSHPacket request = buildReq();
        request.putBoolean(signed).putString(algorithms.peek()).putString(identity.blob());
        return request;
    }

    private UserAuthException refused(String why) {
        problem = why;
        return new UserAuthException(why);
    }

    private static int flags(String algorithm) {
        if (algorithm.startsWith("rsa-sha2-512")) {
            return AgentClient.RSA_SHA2_512;
        }
        return algorithm.startsWith("rsa-sha2-256") ? AgentClient.RSA_SHA2_256 : 0;
    }

    private static String signatureAlgorithm(byte[] signature) {
        try {
            return new Buffer.PlainBuffer(signature).readString(StandardCharsets.US_ASCII);
        } catch (Buffer.BufferException e) {
            return "a malformed signature";
        }
    }
}
