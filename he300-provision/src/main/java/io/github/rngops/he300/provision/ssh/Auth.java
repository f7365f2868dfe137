package io.github.rngops.he300.provision.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A way to authenticate: a private key file (ed25519, ECDSA or RSA, OpenSSH or PEM format), optionally encrypted
 * with a passphrase read from an environment variable, so it never appears on a command line or in a config file;
 * or the keys of a running ssh-agent, which signs for them without ever handing them out. Several are tried in order,
 * OpenSSH's order.
 *
 * <pre>{@code
 * Auth.keyFile(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"));
 * Auth.keyFile(Path.of("deploy_key"), "HE300_KEY_PASSPHRASE");
 * Auth.defaultKeyFiles();   // ~/.ssh/id_ed25519, id_ecdsa, id_rsa: those that exist
 * Auth.agentSocket().map(Auth::agent);              // every key of the agent at $SSH_AUTH_SOCK
 * Auth.agentSocket().map(Auth::agentForKeyFiles);   // the agent's copy of the listed key files only
 * }</pre>
 *
 * <p>The order, as OpenSSH's {@code ssh} has it: first the agent's keys that are also listed key files (recognised
 * by the key file's {@code .pub} beside it; such a file is then never opened, so an encrypted key the agent holds
 * needs no passphrase), then the agent's other keys (not with {@link #agentForKeyFiles}, which is
 * {@code IdentitiesOnly yes}), each in the agent's order ({@code ssh-add -l}), then the key files the agent does not
 * hold. An agent that cannot be reached or holds no keys is skipped; if nothing logs in, the error says so.
 */
public sealed interface Auth {

    /**
     * {@return an unencrypted key file} The file is read when a session opens, not now.
     *
     * @param key the private key file
     */
    static Auth keyFile(Path key) {
        return new KeyFile(key, "");
    }

    /**
     * {@return a key file whose passphrase is in the environment variable {@code passphraseEnv} (if the key is
     * encrypted)} The variable is read when a session opens; its value is never shown.
     *
     * @param key the private key file
     * @param passphraseEnv the variable's name ({@code HE300_SSH_KEY_PASSPHRASE}), or empty for an unencrypted key
     */
    static Auth keyFile(Path key, String passphraseEnv) {
        return new KeyFile(key, passphraseEnv);
    }

    /** The environment variable naming the agent's socket, as {@code ssh-agent} sets it. */
    String AGENT_SOCKET_VARIABLE = "SSH_AUTH_SOCK";

    /** {@return the usual key files of the current user that exist, in OpenSSH's order of preference} */
    static List<Auth> defaultKeyFiles() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return List.of("id_ed25519", "id_ecdsa", "id_rsa").stream()
                .map(ssh::resolve).filter(Files::isReadable).map(Auth::keyFile).toList();
    }

    /**
     * {@return the agent's socket from {@code $SSH_AUTH_SOCK}; empty when the variable is unset or blank}
     */
    static Optional<Path> agentSocket() {
        String socket = System.getenv(AGENT_SOCKET_VARIABLE);
        return socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket));
    }

    /**
     * {@return every key of the ssh-agent listening on {@code socket}, in the agent's order}
     *
     * @param socket the agent's Unix domain socket, e.g. from {@link #agentSocket()}
     */
    static Auth agent(Path socket) {
        return new Agent(socket, false);
    }

    /**
     * {@return the ssh-agent listening on {@code socket}, for the key files also listed only: it signs with its copy
     * of such a key, and its other keys are never offered (OpenSSH's {@code IdentitiesOnly yes})}
     *
     * @param socket the agent's Unix domain socket, e.g. from {@link #agentSocket()}
     */
    static Auth agentForKeyFiles(Path socket) {
        return new Agent(socket, true);
    }

    /**
     * A private key file.
     *
     * @param path the private key file
     * @param passphraseEnv the environment variable holding its passphrase, or empty for an unencrypted key
     */
    record KeyFile(Path path, String passphraseEnv) implements Auth {
        /**
         * Checks that both components are given.
         *
         * @param path the private key file
         * @param passphraseEnv the passphrase's environment variable, or empty
         * @throws NullPointerException if a component is null
         */
        public KeyFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(passphraseEnv, "passphraseEnv");
        }

        @Override
        public String toString() {
            return "key " + path + (passphraseEnv.isEmpty() ? "" : " (passphrase from $" + passphraseEnv + ")");
        }
    }

    /**
     * An ssh-agent.
     *
     * @param socket the agent's Unix domain socket
     * @param keyFilesOnly whether only the agent's copies of the listed key files are used
     */
    record Agent(Path socket, boolean keyFilesOnly) implements Auth {
        /**
         * Checks the socket is given.
         *
         * @param socket the agent's Unix domain socket
         * @param keyFilesOnly whether only the agent's copies of the listed key files are used
         */
        public Agent {
            Objects.requireNonNull(socket, "socket");
        }

        @Override
        public String toString() {
            return "ssh-agent " + socket + (keyFilesOnly ? " (for the key files only)" : "");
        }
    }
}
