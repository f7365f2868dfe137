package io.github.rngops.he300.provision.ssh;

import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** How each {@link Auth} becomes an sshj authentication method. */
final class AuthMethods {
    private AuthMethods() {}

    /**
     * The sshj method for {@code auth}; a key that cannot be read is an {@link SshException} naming it. An encrypted
     * key given without a passphrase is null, its path added to {@code encrypted}: another key may still log in, and
     * the caller names it if none does.
     */
    static AuthMethod of(SSHClient ssh, SshTarget target, Auth auth, List<Path> encrypted) {
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
                provider.getPrivate(); // decrypts now: an encrypted key is named as such, not as a failed login
                return new AuthPublickey(provider);
            } catch (KeyDecryptionFailedException e) {
                if (key.passphraseEnv().isEmpty()) {
                    encrypted.add(key.path());
                    return null;
                }
                throw SshException.keyEncrypted(target, key.path(), true);
            } catch (IOException e) {
                throw SshException.keyUnreadable(target, "key file " + key.path(), e);
            }
        }
        throw new IllegalArgumentException("unsupported auth " + auth);
    }
}
