package io.github.rngops.he300.provision.ssh;

import io.github.rngops.he300.core.He300Exception;
import java.net.UnknownHostException;
import java.nio.file.Path;

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
        return new SshException(Reason.AUTH_FAILED, target.toString(), "", passphraseGiven
                ? "the passphrase of the key file " + key + " is wrong (from $" + PASSPHRASE_VARIABLE + ")"
                : "the key file " + key + " is encrypted and no passphrase was given: put it in $"
                        + PASSPHRASE_VARIABLE + ", or give an unencrypted key with --identity", null);
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

    static SshException authFailed(SshTarget target, String tried, Throwable cause) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "authentication as " + target.user() + " on " + target.hostPort() + " failed (tried " + tried
                        + "): add the public key to ~" + target.user() + "/.ssh/authorized_keys on the host, or"
                        + " give the right key with --identity" + (cause == null ? "" : " (" + describe(cause) + ")"),
                cause);
    }

    /** No key file was given and none of the default ones exists; says why an agent is no way out. */
    static SshException noKey(SshTarget target) {
        return new SshException(Reason.AUTH_FAILED, target.toString(), "",
                "no SSH key to authenticate as " + target.user() + " on " + target.hostPort() + ": give one with"
                        + " --identity KEYFILE (or target.ssh_key); none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists."
                        + " ssh-agent cannot be used: sshj 0.40.0, the newest on Maven Central, has no agent client"
                        + " (its own, hierynomus/sshj#1042, is merged but not released), and the one add-on,"
                        + " com.jcraft:jsch.agentproxy.sshj, has had no release since 0.0.9 in 2015", null);
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
