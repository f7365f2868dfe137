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

    /** {@return an endpoint for {@code 127.0.0.1:hostPort} on the host; close it when done} */
    Endpoint open(int hostPort);

    /** {@return this machine: the port itself} */
    static Ports local() {
        return port -> new Endpoint("http://127.0.0.1:" + port, () -> { });
    }

    /** {@return a forward over {@code ssh} from an ephemeral local port to the host's {@code 127.0.0.1:port}} */
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

        public Endpoint(String url, Runnable closer) {
            this.url = Objects.requireNonNull(url, "url");
            this.closer = Objects.requireNonNull(closer, "closer");
        }

        public String url() {
            return url;
        }

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
