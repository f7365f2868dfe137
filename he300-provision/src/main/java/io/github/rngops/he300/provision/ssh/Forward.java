package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.net.ServerSocket;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;

/**
 * A local port forward through an {@link SshSession}: connections to {@code 127.0.0.1:}{@link #localPort()} are
 * carried to {@link #remoteHost()}:{@link #remotePort()} as seen from the SSH host. Listening when created; closing
 * it stops listening and ends the forwarded connections.
 */
public final class Forward implements AutoCloseable {
    private final ServerSocket socket;
    private final LocalPortForwarder forwarder;
    private final Thread listener;
    private final String remoteHost;
    private final int remotePort;

    Forward(ServerSocket socket, LocalPortForwarder forwarder, Thread listener, String remoteHost, int remotePort) {
        this.socket = socket;
        this.forwarder = forwarder;
        this.listener = listener;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
    }

    /** {@return the port on 127.0.0.1 that is forwarded (the ephemeral one chosen when 0 was asked for)} */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** {@return the host the forward reaches, as the SSH host sees it ({@code 127.0.0.1}: its loopback)} */
    public String remoteHost() {
        return remoteHost;
    }

    /** {@return the port it reaches there} */
    public int remotePort() {
        return remotePort;
    }

    /** {@return whether it still listens: not closed, by itself or with its session} */
    public boolean isOpen() {
        return !socket.isClosed() && listener.isAlive();
    }

    /** Stops listening and ends the forwarded connections; waits up to 2 s for the listener. Closing twice is fine. */
    @Override
    public void close() {
        // sshj's listen() loop ends only when its thread is interrupted: after the socket is closed, accept() throws,
        // the loop sees the socket closed and tries again, spinning. forwarder.close() would interrupt it, but only
        // while the socket is still open, and it fails on a thread that has not reached listen() yet (a forward
        // closed right after it was opened). So: interrupt our own listener thread (a thread not yet listening
        // then sees the flag and returns at once), close the socket to wake a blocked accept(), and wait for it.
        listener.interrupt();
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            forwarder.close();
        } catch (IOException e) {
            // the socket is closed already
        }
    }

    @Override
    public String toString() {
        return "127.0.0.1:" + localPort() + " -> " + remoteHost + ":" + remotePort;
    }
}
