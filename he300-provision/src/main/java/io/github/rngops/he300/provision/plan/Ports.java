package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.ssh.Forward;
import io.github.rngops.he300.provision.ssh.SshSession;
import java.util.Objects;

/**
 * How the runner reaches a port on the host's loopback: through an SSH forward (the SSH-tunnel mode), or directly
 * when the host is this machine.
 */
@FunctionalInterface
public interface Ports {

    /**
     * {@return an endpoint for {@code 127.0.0.1:hostPort} on the host; close it when done}
     *
     * @param hostPort the port on the host's loopback
     * @throws io.github.rngops.he300.provision.ssh.SshException if a forward cannot be set up
     */
    Endpoint open(int hostPort);

    /** {@return this machine: the port itself} */
    static Ports local() {
        return port -> new Endpoint("http://127.0.0.1:" + port, () -> { });
    }

    /**
     * {@return forwards over {@code ssh}: each endpoint is a new forward from an ephemeral local port to the host's
     * {@code 127.0.0.1:port}, closed with the endpoint}
     *
     * @param ssh an open session to the host
     */
    static Ports over(SshSession ssh) {
        Objects.requireNonNull(ssh, "ssh");
        return port -> {
            Forward forward = ssh.forward(0, "127.0.0.1", port);
            return new Endpoint("http://127.0.0.1:" + forward.localPort(), forward::close);
        };
    }

    /** A base URL valid until {@link #close()}. */
    final class Endpoint implements AutoCloseable {
        private final String url;
        private final Runnable closer;

        /**
         * Makes an endpoint (for a {@link Ports} of one's own).
         *
         * @param url the base URL, {@code http://127.0.0.1:<port>}
         * @param closer what {@link #close()} runs: stop the forward; nothing for a local port
         */
        public Endpoint(String url, Runnable closer) {
            this.url = Objects.requireNonNull(url, "url");
            this.closer = Objects.requireNonNull(closer, "closer");
        }

        /** {@return the base URL, {@code http://127.0.0.1:<port>}} */
        public String url() {
            return url;
        }

        /** Stops the forward, if there is one; the URL is then no longer valid. */
        @Override
        public void close() {
            closer.run();
        }

        @Override
        public String toString() {
            return url;
        }
    }
}
