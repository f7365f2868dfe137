package io.github.rngops.he300.provision.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How a host key is trusted. Never silently: an unknown key stops the connection with its fingerprint unless the
 * policy is {@link #trustOnFirstUse}, and a changed key always stops it.
 *
 * <pre>{@code
 * HostKeyPolicy.knownHosts();                                   // ~/.ssh/known_hosts, unknown keys refused
 * HostKeyPolicy.knownHosts(Path.of("hosts"));                   // --known-hosts FILE
 * HostKeyPolicy.trustOnFirstUse(Path.of("hosts"), System.err::println);  // --trust-on-first-use
 * HostKeyPolicy.pinned("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
 * }</pre>
 */
public final class HostKeyPolicy {
    private static final Pattern SHA256 = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    enum Mode { KNOWN_HOSTS, TRUST_ON_FIRST_USE, PINNED }

    private final Mode mode;
    private final Path knownHosts;
    private final String pinned;
    private final Consumer<String> notices;

    private HostKeyPolicy(Mode mode, Path knownHosts, String pinned, Consumer<String> notices) {
        this.mode = mode;
        this.knownHosts = knownHosts;
        this.pinned = pinned;
        this.notices = notices;
    }

    /** {@return keys must be in {@code ~/.ssh/known_hosts}; an unknown key stops the connection} */
    public static HostKeyPolicy knownHosts() {
        return knownHosts(defaultKnownHosts());
    }

    /**
     * {@return keys must be in this known_hosts file (OpenSSH format, hashed host names, {@code @revoked} and
     * {@code @cert-authority} lines allowed)} The file is read when a session opens.
     *
     * @param file the known_hosts file
     */
    public static HostKeyPolicy knownHosts(Path file) {
        return new HostKeyPolicy(Mode.KNOWN_HOSTS, Objects.requireNonNull(file, "knownHosts"), "", notice -> { });
    }

    /**
     * Like {@link #knownHosts(Path)}, but an unknown key is accepted and recorded in the file; {@code notices}
     * receives one line naming the host, the key type and its SHA256 fingerprint. A changed key still stops.
     *
     * @param file the known_hosts file, appended to (and created) for an unknown key
     * @param notices receives the line about each key accepted
     * @return the policy
     */
    public static HostKeyPolicy trustOnFirstUse(Path file, Consumer<String> notices) {
        return new HostKeyPolicy(Mode.TRUST_ON_FIRST_USE, Objects.requireNonNull(file, "knownHosts"), "",
                Objects.requireNonNull(notices, "notices"));
    }

    /**
     * {@return only the key with this fingerprint is trusted; no known_hosts file is read or written}
     *
     * @param sha256Fingerprint {@code SHA256:} and 43 base64 characters, as {@code ssh-keygen -lf} prints it
     * @throws IllegalArgumentException if the fingerprint does not have that shape
     */
    public static HostKeyPolicy pinned(String sha256Fingerprint) {
        Objects.requireNonNull(sha256Fingerprint, "fingerprint");
        if (!SHA256.matcher(sha256Fingerprint).matches()) {
            throw new IllegalArgumentException("pinned fingerprint must look like SHA256:<43 base64 characters>"
                    + " (ssh-keygen -lf KEY prints it), was '" + sha256Fingerprint + "'");
        }
        return new HostKeyPolicy(Mode.PINNED, null, sha256Fingerprint, notice -> { });
    }

    /** {@return {@code ~/.ssh/known_hosts}} */
    public static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    Mode mode() {
        return mode;
    }

    Path knownHostsFile() {
        return knownHosts;
    }

    String pinnedFingerprint() {
        return pinned;
    }

    Consumer<String> notices() {
        return notices;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case KNOWN_HOSTS -> "known hosts in " + knownHosts;
            case TRUST_ON_FIRST_USE -> "trust on first use, recorded in " + knownHosts;
            case PINNED -> "pinned " + pinned;
        };
    }
}
