package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.nio.file.Files;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** How each {@link Auth} becomes an sshj authentication method. */
final class AuthMethods {
    private AuthMethods() {}

    /** The sshj method for {@code auth}; a key that cannot be read is an {@link SshException} naming it. */
    static AuthMethod of(SSHClient ssh, SshTarget target, Auth auth) {
        if (auth instanceof Auth.KeyFile key) {
            if (!Files.isReadable(key.path())) {
                throw SshException.keyUnreadable(target, "key file " + key.path(),
                        new IOException("no such readable file"));
            }
            try {
                KeyProvider provider;
                if (key.passphraseEnv().isEmpty()) {
                    provider = ssh.loadKeys(key.path().toString());
                } else {
                    String passphrase = System.getenv(key.passphraseEnv());
                    if (passphrase == null) {
                                throw SshException.keyUnreadable(target, "key file " + key.path(), new IOException(
                                "its passphrase variable $" + key.passphraseEnv() + " is not set"));
                    }
                    provider = ssh.loadKeys(key.path().toString(), PasswordUtils.createOneOff(passphrase.toCharArray()));
                }
                return new AuthPublickey(provider);
            } catch (IOException e) {
                throw SshException.keyUnreadable(target, "key file " + key.path(), e);
            }
        }
        throw new IllegalArgumentException("unsupported auth " + auth);
    }
}
