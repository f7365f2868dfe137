package io.github.rngops.he300.provision.ssh;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection to a host, connected and authenticated when {@link #open opened}: runs {@link Command}s (each
 * on a new channel of the same connection), uploads files by SFTP and forwards local ports.
 *
 * <pre>{@code
 * try (SshSession ssh = SshSession.open(SshTarget.of("ubuntu", "gpu-1"), HostKeyPolicy.knownHosts(),
 *         Auth.keyFile(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519")))) {
 *     ssh.runChecked(Command.builder("apt-get").args("install", "-y", "jq").sudo(true).build());
 *     ssh.upload(envFile, "/opt/he300/.env", 0600);
 *     try (Forward ollama = ssh.forward(0, "127.0.0.1", 11434)) {
 *         // http://127.0.0.1:<ollama.localPort()> reaches the host's loopback Ollama
 *     }
 * }
 * }</pre>
 *
 * <p>Commands run as their {@link Command#shellLine()} (every word quoted) in the remote user's shell, with stdin
 * sent and stdout/stderr streamed line by line. A command marked {@code sudo} gets {@code sudo -n --} unless the
 * remote user is root (asked once, with {@code id -u}); a sudo that wants a password stops with
 * {@link SshException.Reason#SUDO_NOT_PASSWORDLESS}. A timeout is enforced twice: the client stops waiting, signals
 * the command and closes its channel, and the remote line runs under {@code timeout(1)} where the host has it, which
 * kills the command's whole process group. A keepalive runs every {@value #KEEPALIVE_SECONDS} s; if the connection
 * has dropped between commands, the session reconnects once, with the same host key policy. Only
 * {@link Command#displayLine()} (secrets masked) is ever logged.
 */
public final class SshSession implements CommandRunner, AutoCloseable {
    static final int KEEPALIVE_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(SshSession.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final SshTarget target;
    private final HostKeyPolicy policy;
    private final List<Auth> auths;
    private final List<Forward> forwards = new ArrayList<>();
    private final Object lock = new Object();
    private SSHClient client;
    private Sftp sftp;
    private String hostKeyFingerprint = "";
    private Boolean root;
    private int connections;

    private SshSession(SshTarget target, HostKeyPolicy policy, List<Auth> auths) {
        this.target = target;
        this.policy = policy;
        this.auths = auths;
        this.client = connect();
    }

    /**
     * Connects to {@code target}, checks its host key with {@code policy} and authenticates with the first of
     * {@code auths} the host accepts, in OpenSSH's order when an agent is among them (see {@link Auth}).
     *
     * @param target where to connect
     * @param policy how the host key is trusted
     * @param auths the ways to authenticate, tried in order; at least one
     * @return the session, connected and authenticated
     * @throws SshException if the host cannot be reached, its key is unknown or changed, or no auth is accepted
     */
    public static SshSession open(SshTarget target, HostKeyPolicy policy, Auth... auths) {
        return open(target, policy, List.of(auths));
    }

    /**
     * Connects as {@link #open(SshTarget, HostKeyPolicy, Auth...)} does, with the auths in a list.
     *
     * @param target where to connect
     * @param policy how the host key is trusted
     * @param auths the ways to authenticate, tried in order
     * @return the session, connected and authenticated
     * @throws SshException as {@link #open(SshTarget, HostKeyPolicy, Auth...)} does, and with
     *     {@link SshException.Reason#AUTH_FAILED} when {@code auths} is empty
     */
    public static SshSession open(SshTarget target, HostKeyPolicy policy, List<Auth> auths) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        if (auths.isEmpty()) {
            throw SshException.noKey(target, Login.whatWasMissing(List.of(), true));
        }
        return new SshSession(target, policy, List.copyOf(auths));
    }

    /** {@return where this session is connected: {@code user@host:port}} */
    public SshTarget target() {
        return target;
    }

    /** {@return the SHA256 fingerprint of the host key this session verified} */
    public String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    /** {@return how many times this session connected: 1, plus one per transparent reconnect} */
    public int connections() {
        return connections;
    }

    /** {@return whether the remote user is root ({@code id -u} is 0); asked once} */
    public boolean isRoot() {
        synchronized (lock) {
            if (root == null) {
                CommandResult id = exec(Command.of("id", "-u"), "id -u", null, line -> { }, line -> { });
                root = id.ok() && id.stdout().strip().equals("0");
            }
            return root;
        }
    }

    @Override
    public CommandResult run(Command command, Consumer<String> stdoutLines, Consumer<String> stderrLines) {
        Objects.requireNonNull(command, "command");
        boolean viaSudo = command.sudo() && !isRoot();
        String line = viaSudo ? command.shellLine() : command.shellLineWithoutSudo();
        Duration timeout = command.timeout().orElse(null);
        CommandResult result = exec(command, line, timeout, stdoutLines, stderrLines);
        if (viaSudo && !result.ok()) {
            String err = result.stderr();
            if (err.contains("a password is required") || err.contains("a terminal is required")) {
                throw SshException.sudoNeedsPassword(target);
            }
            if (result.exitCode() == 127 && err.matches("(?s).*sudo: .*not found.*")) {
                throw SshException.sudoMissing(target);
            }
        }
        return result;
    }

    /**
     * Uploads {@code content} to {@code remotePath} with permissions {@code mode} (e.g. {@code 0600}). The bytes go
     * to a temporary file in the same directory that has the mode before any content is written, then replace the
     * target in one rename: no reader ever sees a partial file or the content with wider permissions.
     *
     * @param content the whole file
     * @param remotePath an absolute path on the host; its directory must exist ({@link #mkdirs})
     * @param mode the permission bits, {@code 0} to {@code 0777}
     * @throws SshException with {@link SshException.Reason#SFTP_FAILED} if the upload fails
     */
    public void upload(byte[] content, String remotePath, int mode) {
        Objects.requireNonNull(content, "content");
        checkMode(mode);
        sftp().upload(content, remotePath, mode);
    }

    /**
     * Uploads a local file, as {@link #upload(byte[], String, int)} uploads bytes.
     *
     * @param localFile the file on this machine
     * @param remotePath an absolute path on the host; its directory must exist
     * @param mode the permission bits, {@code 0} to {@code 0777}
     * @throws SshException with {@link SshException.Reason#SFTP_FAILED} if the local file cannot be read or the
     *     upload fails
     */
    public void upload(Path localFile, String remotePath, int mode) {
        try {
            upload(Files.readAllBytes(localFile), remotePath, mode);
        } catch (IOException e) {
            throw SshException.sftpFailed(target, "read local file " + localFile, e);
        }
    }

    /**
     * Creates a remote directory and its missing parents ({@code mkdir -p}); an existing one is fine.
     *
     * @param remoteDir an absolute path on the host
     * @throws SshException with {@link SshException.Reason#SFTP_FAILED} if it cannot be created
     */
    public void mkdirs(String remoteDir) {
        sftp().mkdirs(remoteDir);
    }

    /**
     * {@return the permission bits of a remote file (e.g. {@code 0600}), by SFTP stat}
     *
     * @param remotePath an absolute path on the host
     * @throws SshException with {@link SshException.Reason#SFTP_FAILED} if it cannot be read
     */
    public int mode(String remotePath) {
        return sftp().mode(remotePath);
    }

    /**
     * Forwards {@code 127.0.0.1:localPort} ({@code 0}: an ephemeral port) to {@code remoteHost:remotePort} as the SSH
     * host sees it, e.g. {@code forward(0, "127.0.0.1", 11434)} reaches the host's loopback Ollama. Listening when
     * returned; closed with the session if not before.
     *
     * @param localPort the port on this machine's loopback, or {@code 0} for an ephemeral one
     * @param remoteHost the host to reach, as the SSH host resolves it ({@code 127.0.0.1}: its loopback)
     * @param remotePort the port there, 1..65535
     * @return the forward, listening
     * @throws IllegalArgumentException if a port is out of range
     * @throws SshException with {@link SshException.Reason#FORWARD_FAILED} if the local port cannot be bound
     */
    public Forward forward(int localPort, String remoteHost, int remotePort) {
        if (localPort < 0 || localPort > 65535 || remotePort < 1 || remotePort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535 (local) and 1..65535 (remote), were "
                    + localPort + " and " + remotePort);
        }
        String what = "127.0.0.1:" + localPort + " to " + remoteHost + ":" + remotePort;
        synchronized (lock) {
            ensureConnected();
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
                LocalPortForwarder forwarder = client.newLocalPortForwarder(
                        new Parameters("127.0.0.1", socket.getLocalPort(), remoteHost, remotePort), socket);
                Thread listener = new Thread(() -> listen(forwarder), "he300-forward-" + socket.getLocalPort());
                listener.setDaemon(true);
                listener.start();
                Forward forward = new Forward(socket, forwarder, listener, remoteHost, remotePort);
                forwards.add(forward);
                LOG.debug("{} forwarding {}", target, forward);
                return forward;
            } catch (IOException e) {
                closeQuietly(socket);
                throw SshException.forwardFailed(target, what, e);
            }
        }
    }

    /** Closes forwards, SFTP and the connection. */
    @Override
    public void close() {
        synchronized (lock) {
            forwards.forEach(Forward::close);
            forwards.clear();
            closeSftp();
            disconnect(client);
        }
    }

    @Override
    public String toString() {
        return "SshSession[" + target + ", " + policy + "]";
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    private CommandResult exec(Command command, String line, Duration timeout, Consumer<String> stdoutLines,
            Consumer<String> stderrLines) {
        LOG.debug("{} running {}", target, command.displayLine());
        return RemoteExec.run(startSession(), command, line, timeout, stdoutLines, stderrLines);
    }

    // ---- connection -------------------------------------------------------------------------------------------

    private Session startSession() {
        synchronized (lock) {
            ensureConnected();
            try {
                return client.startSession();
            } catch (IOException first) {
                LOG.info("{}: the connection dropped ({}); reconnecting", target, first.getMessage());
                reconnect();
                try {
                    return client.startSession();
                } catch (IOException second) {
                    throw SshException.connectFailed(target, second);
                }
            }
        }
    }

    private void ensureConnected() {
        if (!client.isConnected() || !client.isAuthenticated()) {
            LOG.info("{}: the connection is closed; reconnecting", target);
            reconnect();
        }
    }

    private void reconnect() {
        closeSftp();
        forwards.forEach(Forward::close);
        forwards.clear();
        disconnect(client);
        client = connect();
    }

    private SSHClient connect() {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient ssh = new SSHClient(config);
        KnownHostsVerifier verifier = new KnownHostsVerifier(policy, target);
        ssh.addHostKeyVerifier(verifier);
        ssh.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        try {
            ssh.connect(target.host(), target.port());
        } catch (IOException | RuntimeException e) {
            disconnect(ssh);
            if (verifier.failure() != null) {
                throw verifier.failure();
            }
            throw SshException.connectFailed(target, e);
        }
        hostKeyFingerprint = verifier.fingerprint();
        ssh.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
        try {
            Login.authenticate(ssh, target, auths);
        } catch (SshException e) {
            disconnect(ssh);
            throw e;
        }
        connections++;
        LOG.debug("{}: connected, host key {}", target, hostKeyFingerprint);
        return ssh;
    }

    private Sftp sftp() {
        synchronized (lock) {
            ensureConnected();
            if (sftp == null) {
                try {
                    sftp = new Sftp(target, client.newSFTPClient());
                } catch (IOException e) {
                    throw SshException.sftpFailed(target, "start the sftp subsystem", e);
                }
            }
            return sftp;
        }
    }

    private void closeSftp() {
        if (sftp != null) {
            sftp.close();
            sftp = null;
        }
    }

    private static void listen(LocalPortForwarder forwarder) {
        try {
            forwarder.listen();
        } catch (IOException e) {
            // closed: the Forward was closed or the connection ended
        }
    }

    private static void checkMode(int mode) {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode must be 0..07777 (octal, e.g. 0600), was " + Integer.toOctalString(mode));
        }
    }

    private static void disconnect(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException e) {
            // already gone
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after use: nothing left to do
        }
    }
}
