package io.github.rngops.he300.provision.config;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host to provision ({@code target:}).
 *
 * @param host a DNS name or address; {@code localhost} (the default) means this machine, without SSH
 * @param port the SSH port (22)
 * @param user the SSH user ({@code ubuntu})
 * @param sshKey the private key file, if not the agent's or SSH's defaults
 * @param knownHosts the known_hosts file, if not {@code ~/.ssh/known_hosts}
 */
public record Target(String host, int port, String user, Optional<String> sshKey, Optional<String> knownHosts) {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1");

    /**
     * Checks the components, as the class description says of each.
     *
     * @param host a DNS name or address; {@code localhost} (the default) means this machine, without SSH
     * @param port the SSH port (22)
     * @param user the SSH user ({@code ubuntu})
     * @param sshKey the private key file, if not the agent's or SSH's defaults
     * @param knownHosts the known_hosts file, if not {@code ~/.ssh/known_hosts}
     */
    public Target {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sshKey, "sshKey");
        Objects.requireNonNull(knownHosts, "knownHosts");
    }

    /** {@return this machine, no SSH} */
    public static Target local() {
        return new Target("localhost", 22, System.getProperty("user.name", "root"), Optional.empty(),
                Optional.empty());
    }

    /** {@return whether the target is this machine: {@code localhost}, {@code 127.0.0.1} or {@code ::1}} */
    public boolean isLocal() {
        return LOCAL.contains(host);
    }
}
