package io.github.rngops.he300.provision.ssh;

import io.github.rngops.he300.core.He300Exception;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An SSH connection could not be made, trusted or used. {@link #reason()} says which, {@link #host()} names the
 * target as {@code user@host:port}; for host key problems {@link #fingerprint()} is the key's SHA256 fingerprint as
 * OpenSSH prints it. The message says what to do. Secrets (passphrases, secret arguments) never appear in it.
 */
public final class SshException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** Why; callers branch on it. */
    public enum Reason {
        /** The host could not be reached, or the connection broke. */
        CONNECT_FAILED,
        /** The host key is not in the known_hosts file and trust-on-first-use was not given. */
        UNKNOWN_HOST_KEY,
        /** The host key differs from the one recorded: possibly a man-in-the-middle. */
        CHANGED_HOST_KEY,
        /** The host key (or the CA of its certificate) is on a {@code @revoked} line of known_hosts. */
        REVOKED_HOST_KEY,
        /** No key (file or agent) was accepted, or a key could not be read. */
        AUTH_FAILED,
        /** A {@code sudo} command needs a password, or sudo is missing. */
        SUDO_NOT_PASSWORDLESS,
        /** An SFTP upload, stat or mkdir failed. */
        SFTP_FAILED,
        /** A local port forward could not be set up. */
        FORWARD_FAILED
    }

    /** Why. */
    private final Reason reason;
    /** The target, {@code user@host:port}. */
    private final String host;
    /** The offered host key's SHA256 fingerprint; empty unless the problem is the host key. */
    private final String fingerprint;

    private SshException(Reason reason, String host, String fingerprint, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.host = host;
        this.fingerprint = fingerprint;
    }

    /** {@return why the connection could not be made, trusted or used} */
    public Reason reason() {
        return reason;
    }

    /** {@return the target, {@code user@host:port}} */
    public String host() {
        return host;
    }

    /** {@return the SHA256 fingerprint of the offered host key, for host key problems; empty otherwise} */
    public String fingerprint() {
        return fingerprint;
    }

    static SshException connectFailed(SshTarget target, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return cannotResolve(target, cause);
            }
        }
        return new SshException(Reason.CONNECT_FAILED, target.toString(), "",
                "cannot connect to " + target + ": " + describe(cause), cause);
    }

    /**
     * {@return the failure for a host name that has no address} Named before any other failure, as OpenSSH does.
     *
     * @param target the target whose host did not resolve
     * @param cause the resolver's exception, kept as the cause
     */
    public static SshException cannotResolve(SshTarget target, Throwable cause) {
        return new SshException(Reason.CONNECT_FAILED, target.toString(), "", "cannot resolve host "
                + target.host() + ": check the name (DNS, /etc/hosts; ~/.ssh/config is not read)", cause);
    }

    /** The passphrase variable a user sets for an encrypted key file. */
    public static final String PASSPHRASE_VARIABLE = "HE300_SSH_KEY_PASSPHRASE";

    static SshException keyEncrypted(SshTarget target, Path key, boolean passphraseGiven) {
        return keyEncrypted(target, key, passphraseGiven, List.of());
    }

    /** As {@link #keyEncrypted(SshTarget, Path, boolean)}, with what went wrong with the agent. */
    static SshException keyEncrypted(SshTarget target, Path key, boolean passphraseGiven, List<String> agentProblems) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "", (passphraseGiven
                ? "the passphrase of the key file " + key + " is wrong (from $" + PASSPHRASE_VARIABLE + ")"
                : "the key file " + key + " is encrypted and no passphrase was given: put it in $"
                        + PASSPHRASE_VARIABLE + ", load it into your ssh-agent (ssh-add " + key
                        + (Files.exists(Path.of(key + ".pub")) ? "" : ", and keep its public key in " + key + ".pub")
                        + "), or give an unencrypted key with --identity")
                        + notes(agentProblems), null);
    }

    static SshException unknownHostKey(SshTarget target, String keyType, String fingerprint, String knownHosts) {
        return new SshException(Reason.UNKNOWN_HOST_KEY, target.toString(), fingerprint,
                "the host key of " + target.hostPort() + " is not known: " + keyType + " " + fingerprint
                        + ". Check it on the host (ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(keyType)
                        + "_key.pub), then accept it with --trust-on-first-use, or add it to " + knownHosts
                        + " (ssh-keyscan -p " + target.port() + " " + target.host() + " >> " + knownHosts + ")",
                null);
    }

    static SshException changedHostKey(SshTarget target, String keyType, String fingerprint, String knownHosts) {
        return new SshException(Reason.CHANGED_HOST_KEY, target.toString(), fingerprint,
                "WARNING: the host key of " + target.hostPort() + " has CHANGED (now " + keyType + " " + fingerprint
                        + "). Someone may be intercepting the connection (man-in-the-middle), or the host was"
                        + " reinstalled. Nothing was sent. If you know why it changed, remove the old entry"
                        + " (ssh-keygen -R " + KnownHostsVerifier.hostPattern(target) + " -f " + knownHosts
                        + ") and connect again", null);
    }

    static SshException revokedHostKey(SshTarget target, String keyType, String fingerprint, String knownHosts) {
        return new SshException(Reason.REVOKED_HOST_KEY, target.toString(), fingerprint,
                "REFUSED: the host key of " + target.hostPort() + " (" + keyType + " " + fingerprint + ") is marked"
                        + " @revoked in " + knownHosts + ", as OpenSSH refuses it too: it may be a stolen key used to"
                        + " impersonate the host. Nothing was sent. Keep the @revoked line; get the host's new key from"
                        + " its administrator and add that one", null);
    }

    static SshException pinMismatch(SshTarget target, String keyType, String fingerprint, String pinned) {
        return new SshException(Reason.CHANGED_HOST_KEY, target.toString(), fingerprint,
                "the host key of " + target.hostPort() + " is " + keyType + " " + fingerprint
                        + ", not the pinned " + pinned + ": possibly a man-in-the-middle; nothing was sent", null);
    }

    static SshException authFailed(SshTarget target, String tried, List<String> problems) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "authentication as " + target.user() + " on " + target.hostPort() + " failed (tried " + tried
                        + "): " + (problems.isEmpty() ? "" : String.join("; ", problems) + "; otherwise ")
                        + "add the public key to ~" + target.user() + "/.ssh/authorized_keys on the host, or give"
                        + " the right key with --identity", null);
    }

    /** The host hung up after too many refused keys (sshd's {@code MaxAuthTries}) before the right one came. */
    static SshException tooManyKeys(SshTarget target, String tried, List<String> problems) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "authentication as " + target.user() + " on " + target.hostPort() + " failed: the host closed the"
                        + " connection after too many refused keys (sshd's MaxAuthTries, 6 by default; tried "
                        + tried + ")" + notes(problems) + ". Name the key with --identity (then only it is"
                        + " offered, from the agent if it holds it), or remove keys from the agent (ssh-add -d)",
                null);
    }

    /**
     * Nothing to offer: no key file (none given, none of the default ones exists) and no agent key; {@code facts}
     * say what was looked for and what went wrong with the agent.
     */
    static SshException noKey(SshTarget target, List<String> facts) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "no SSH key to authenticate as " + target.user() + " on " + target.hostPort()
                        + (facts.isEmpty() ? "" : ": " + String.join("; ", facts)) + ". Give a key file with"
                        + " --identity KEYFILE (or target.ssh_key), or add your key to the ssh-agent that $"
                        + Auth.AGENT_SOCKET_VARIABLE + " names (ssh-add KEYFILE)", null);
    }

    // ---- what went wrong with the agent: notes joined into the messages above; public keys only, never secrets

    static String agentUnreachable(Path socket, Throwable cause) {
        return "the ssh-agent at " + agentSocket(socket) + " cannot be reached (" + describe(cause) + "): start one"
                + " (eval \"$(ssh-agent)\"; ssh-add) in the shell that runs he300, or fix or unset $"
                + Auth.AGENT_SOCKET_VARIABLE;
    }

    static String agentEmpty(Path socket) {
        return "the ssh-agent at " + agentSocket(socket) + " holds no keys: add yours with ssh-add KEYFILE";
    }

    static String agentKeys(Path socket, List<AgentIdentity> keys) {
        return keys.size() + (keys.size() == 1 ? " key" : " keys") + " of the ssh-agent at " + agentSocket(socket)
                + " (" + keys.stream().map(AgentIdentity::toString).collect(Collectors.joining(", ")) + ")";
    }

    static String agentRefusedToSign(Path socket, AgentIdentity key) {
        return "the ssh-agent at " + agentSocket(socket) + " refused to sign with " + key + ", a key the host"
                + " accepts: a key added with ssh-add -c needs its confirmation (the agent's $SSH_ASKPASS"
                + " prompt), so confirm it, or add the key again without -c";
    }

    static String agentFailedToSign(Path socket, AgentIdentity key, Throwable cause) {
        return "the ssh-agent at " + agentSocket(socket) + " did not sign with " + key + ", a key the host accepts ("
                + describe(cause) + ")";
    }

    static String agentSignedAs(Path socket, AgentIdentity key, String wanted, String signedAs) {
        return "the ssh-agent at " + agentSocket(socket) + " signed with " + key + " as " + signedAs + ", not the "
                + wanted + " asked for: it is too old for SHA-2 RSA signatures (OpenSSH 7.2 or later has them);"
                + " update it, or use an ed25519 key";
    }

    private static String agentSocket(Path socket) {
        return socket + (socket.toString().equals(System.getenv(Auth.AGENT_SOCKET_VARIABLE))
                ? " ($" + Auth.AGENT_SOCKET_VARIABLE + ")" : "");
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    static SshException keyUnreadable(SshTarget target, String what, Throwable cause) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "cannot read " + what + ": " + describe(cause), cause);
    }

    static SshException sudoNeedsPassword(SshTarget target) {
        return new SshException(Reason.SUDO_NOT_PASSWORDLESS, target.toString(), "",
                "sudo on " + target.host() + " needs a password: allow passwordless sudo for " + target.user()
                        + " (a line '" + target.user() + " ALL=(ALL) NOPASSWD:ALL' in /etc/sudoers.d/) or connect"
                        + " as root", null);
    }

    static SshException sudoMissing(SshTarget target) {
        return new SshException(Reason.SUDO_NOT_PASSWORDLESS, target.toString(), "",
                "sudo is not installed on " + target.host() + " and " + target.user()
                        + " is not root: install sudo and allow passwordless sudo for " + target.user()
                        + ", or connect as root", null);
    }

    static SshException sftpFailed(SshTarget target, String what, Throwable cause) {
        return new SshException(Reason.SFTP_FAILED, target.toString(), "",
                "SFTP on " + target + " could not " + what + ": " + describe(cause), cause);
    }

    static SshException forwardFailed(SshTarget target, String what, Throwable cause) {
        return new SshException(Reason.FORWARD_FAILED, target.toString(), "",
                "cannot forward " + what + " through " + target + ": " + describe(cause), cause);
    }

    private static String shortType(String keyType) {
        if (keyType.contains("ed25519")) {
            return "ed25519";
        }
        return keyType.startsWith("ecdsa") ? "ecdsa" : "rsa";
    }

    /** The cause in a person's words: its message, else its root's; never a Java type name. */
    private static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return cause instanceof java.net.SocketTimeoutException ? "timed out" : "the connection failed";
    }
}
