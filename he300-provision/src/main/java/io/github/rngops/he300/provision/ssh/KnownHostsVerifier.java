package io.github.rngops.he300.provision.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Applies a {@link HostKeyPolicy} to one connection attempt. sshj only learns "not verified"; the reason is kept in
 * {@link #failure()} so the session can throw it with the fingerprint and what to do.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private final HostKeyPolicy policy;
    private final SshTarget target;
    private SshException failure;
    private String fingerprint = "";

    KnownHostsVerifier(HostKeyPolicy policy, SshTarget target) {
        this.policy = policy;
        this.target = target;
    }

    /** The host pattern OpenSSH writes for this target: {@code host}, or {@code [host]:port} off port 22. */
    static String hostPattern(SshTarget target) {
        return target.port() == 22 ? target.host() : "[" + target.host() + "]:" + target.port();
    }

    /** {@code SHA256:} and the unpadded base64 of the key blob's SHA-256, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    SshException failure() {
        return failure;
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        fingerprint = fingerprint(key);
        String type = KeyType.fromKey(key).toString();
        if (policy.mode() == HostKeyPolicy.Mode.PINNED) {
            if (fingerprint.equals(policy.pinnedFingerprint())) {
                return true;
            }
            failure = SshException.pinMismatch(target, type, fingerprint, policy.pinnedFingerprint());
            return false;
        }
        Path file = policy.knownHostsFile();
        try {
            return new Delegate(file, type).verify(hostname, port, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known_hosts file " + file, e);
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        if (policy.mode() == HostKeyPolicy.Mode.PINNED || !Files.exists(policy.knownHostsFile())) {
            return List.of();
        }
        try {
            return new OpenSSHKnownHosts(policy.knownHostsFile().toFile()).findExistingAlgorithms(hostname, port);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * sshj's known_hosts matching (hashed names, patterns, {@code @cert-authority} for host certificates, whose
     * signature, principals and validity sshj checks during key exchange), {@link RevokedKeys} first, and our
     * actions for unknown and changed keys.
     */
    private final class Delegate extends OpenSSHKnownHosts {
        private final String type;

        Delegate(Path file, String type) throws IOException {
            super(file.toFile());
            this.type = type;
        }

        /** A revoked key is refused before any other line is looked at (OpenSSH: even trust on first use). */
        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            try {
                if (RevokedKeys.find(this, hostname, port, key).isPresent()) {
                    failure = SshException.revokedHostKey(target, type, fingerprint,
                            policy.knownHostsFile().toString());
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read known_hosts file " + policy.knownHostsFile(), e);
            }
            return matches(hostname, port, key);
        }

        /**
         * sshj's loop, without its flaw: a {@code @cert-authority} line vouches for host certificates only (OpenSSH
         * never takes the CA's own key as the host's; sshj would), and {@code @revoked} lines never match here.
         */
        private boolean matches(String hostname, int port, PublicKey key) {
            KeyType keyType = KeyType.fromKey(key);
            if (keyType == KeyType.UNKNOWN) {
                return false;
            }
            String host = port == 22 ? hostname.toLowerCase(Locale.ROOT)
                    : "[" + hostname.toLowerCase(Locale.ROOT) + "]:" + port;
            boolean certificate = key instanceof Certificate<?>;
            boolean applicable = false;
            try {
                for (KnownHostEntry entry : entries()) {
                    String line = entry.getLine() == null ? "" : entry.getLine();
                    if (line.startsWith("@revoked ") || (line.startsWith("@cert-authority ") && !certificate)
                            || !entry.appliesTo(keyType, host)) {
                        continue;
                    }
                    applicable = true;
                    if (entry.verify(key)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read known_hosts file " + policy.knownHostsFile(), e);
            }
            return applicable ? hostKeyChangedAction(host, key) : hostKeyUnverifiableAction(host, key);
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            if (policy.mode() != HostKeyPolicy.Mode.TRUST_ON_FIRST_USE) {
                failure = SshException.unknownHostKey(target, type, fingerprint, policy.knownHostsFile().toString());
                return false;
            }
            record(hostPattern(target) + " " + type + " "
                    + Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData()));
            policy.notices().accept("trusting " + target.hostPort() + " on first use: " + type + " " + fingerprint
                    + " (recorded in " + policy.knownHostsFile() + ")");
            return true;
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            failure = SshException.changedHostKey(target, type, fingerprint, policy.knownHostsFile().toString());
            return false;
        }

        private void record(String line) {
            Path file = policy.knownHostsFile().toAbsolutePath();
            try {
                Path dir = file.getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                }
                boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
                Files.writeString(file, (needsNewline ? "\n" : "") + line + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the host key in " + file, e);
            }
        }

        private boolean endsWithNewline(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            return bytes[bytes.length - 1] == '\n';
        }
    }
}
