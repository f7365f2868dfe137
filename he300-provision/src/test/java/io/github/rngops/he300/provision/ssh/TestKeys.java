package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Keys made by the real {@code ssh-keygen}, as a user would make them. */
public final class TestKeys {
    private TestKeys() {}

    /** An unencrypted ed25519 key pair: {@code dir/name} and {@code dir/name.pub}. */
    public static Path ed25519(Path dir, String name) {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "he300-test", "-f", key.toString());
        return key;
    }

    /**
     * An unencrypted key pair of {@code type} ({@code ed25519}, {@code ecdsa}, {@code rsa}; RSA at 3072 bits, as
     * ssh-keygen makes it by default) whose comment is {@code name}.
     */
    public static Path key(Path dir, String name, String type) {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** An ed25519 key pair whose private half is encrypted with {@code passphrase}; its comment is {@code name}. */
    public static Path encrypted(Path dir, String name, String passphrase) {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", key.toString());
        return key;
    }

    /** The fingerprint {@code ssh-keygen -lf} prints for a public key file: {@code SHA256:...}. */
    public static String fingerprint(Path publicKey) {
        return run("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).split("\\s+")[1];
    }

    static String run(String... argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv[0] + " (openssh-client installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
