package io.github.rngops.he300.provision.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A way to authenticate: a private key file (ed25519, ECDSA or RSA, OpenSSH or PEM format), optionally encrypted
 * with a passphrase read from an environment variable, so it never appears on a command line or in a config file.
 * Several are tried in order.
 *
 * <pre>{@code
 * Auth.keyFile(Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"));
 * Auth.keyFile(Path.of("deploy_key"), "HE300_KEY_PASSPHRASE");
 * Auth.defaultKeyFiles();   // ~/.ssh/id_ed25519, id_ecdsa, id_rsa: those that exist
 * }</pre>
 *
 * <p>ssh-agent is not supported: sshj 0.40.0 (the newest release on Maven Central) has no agent client; sshj's
 * own ({@code AuthAgent} over {@code SSH_AUTH_SOCK}, hierynomus/sshj pull request 1042) is merged but unreleased,
 * and the only add-on on Maven Central, {@code com.jcraft:jsch.agentproxy.sshj}, was last released as 0.0.9 in
 * 2015 (unmaintained, and it needs a JNA socket connector). Give the key file instead.
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

    /** {@return the usual key files of the current user that exist, in OpenSSH's order of preference} */
    static List<Auth> defaultKeyFiles() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return List.of("id_ed25519", "id_ecdsa", "id_rsa").stream()
                .map(ssh::resolve).filter(Files::isReadable).map(Auth::keyFile).toList();
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
}
