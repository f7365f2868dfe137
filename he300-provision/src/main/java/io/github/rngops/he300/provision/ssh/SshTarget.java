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
     * Checks the components, as the class description says of each.
     *
     * @param host a host name or address
     * @param port the SSH port, 1..65535
     * @param user the remote user name
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

    /** {@return {@code user@host} on port 22} */
    public static SshTarget of(String user, String host) {
        return new SshTarget(host, 22, user);
    }

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
