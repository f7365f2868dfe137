package io.github.rngops.he300.provision.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The {@code @revoked} lines of a known_hosts file, honoured as OpenSSH does (sshd(8), "SSH_KNOWN_HOSTS FILE
 * FORMAT"): a key on a {@code @revoked} line whose host pattern matches is never accepted, whatever other line
 * lists it, and for a host certificate neither its own key nor the CA that signed it may be revoked. sshj's matcher
 * only skips such a line, so a revoked key listed elsewhere passes, and one listed alone reads as "changed".
 */
final class RevokedKeys {
    private RevokedKeys() {}

    /** The revoked line that matches {@code host} (as OpenSSH writes it) and one of the offered keys, if any. */
    static Optional<String> find(OpenSSHKnownHosts knownHosts, String hostname, int port, PublicKey offered)
            throws IOException {
        String host = port == 22 ? hostname.toLowerCase(Locale.ROOT)
                : "[" + hostname.toLowerCase(Locale.ROOT) + "]:" + port;
        List<String> blobs = blobs(offered);
        for (OpenSSHKnownHosts.KnownHostEntry entry : knownHosts.entries()) {
            String line = entry.getLine();
            if (line == null || !line.startsWith("@revoked ") || !entry.appliesTo(host)) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && blobs.contains(fields[3])) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The offered key's blob (base64), and for a certificate its plain key's and its CA's. */
    private static List<String> blobs(PublicKey key) {
        List<String> out = new ArrayList<>();
        out.add(base64(new Buffer.PlainBuffer().putPublicKey(key).getCompactData()));
        if (key instanceof Certificate<?> certificate) {
            out.add(base64(new Buffer.PlainBuffer().putPublicKey(certificate.getKey()).getCompactData()));
            out.add(base64(certificate.getSignatureKey()));
        }
        return out;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
