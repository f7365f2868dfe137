package io.github.rngops.he300.provision.ssh;

import java.util.Objects;

/**
 * Where to connect: host, port and remote user.
 *
 * @param host a host name or address
 * @param port the SSH port, 1..65535
 * @param user the remote user name
 */
public record SshTarget(String host, int port, String user) {
    /**
     * Checks the components: host and user not empty and without whitespace (user without {@code @}), port in
     * range.
     *
     * @param host a host name or address
     * @param port the SSH port, 1..65535
     * @param user the remote user name
     * @throws IllegalArgumentException naming the component that does not fit and its value
     */
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("host must be a host name or address, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (user.isBlank() || user.chars().anyMatch(c -> c <= ' ' || c == '@')) {
            throw new IllegalArgumentException("user must be a user name, was '" + user + "'");
        }
    }

    /**
     * {@return {@code user@host} on port 22}
     *
     * @param user the remote user name
     * @param host a host name or address
     * @throws IllegalArgumentException if host or user has whitespace or is empty, or user has {@code @}
     */
    public static SshTarget of(String user, String host) {
        return new SshTarget(host, 22, user);
    }

    /**
     * {@return {@code user@host:port}}
     *
     * @param user the remote user name
     * @param host a host name or address
     * @param port the SSH port, 1..65535
     * @throws IllegalArgumentException if a component is out of its range, as the constructor says
     */
    public static SshTarget of(String user, String host, int port) {
        return new SshTarget(host, port, user);
    }

    /** {@return {@code host:port}} */
    public String hostPort() {
        return host + ":" + port;
    }

    /** {@code user@host:port}. */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
