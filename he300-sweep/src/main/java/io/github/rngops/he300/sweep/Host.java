package io.github.rngops.he300.sweep;

import io.github.rngops.he300.client.target.TargetKind;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One machine (or service) a sweep runs on.
 *
 * @param name how the sweep calls it: letters, digits, {@code .}, {@code _}, {@code -}; part of every cell id
 * @param kind what serves there
 * @param url its base URL; null for the kind's default (and for {@link TargetKind#SIMULATE})
 * @param concurrency requests in flight at most on this host
 * @param credentials where its credentials come from: never the secret itself
 */
public record Host(String name, TargetKind kind, String url, int concurrency, CredentialRef credentials) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Host {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentials, "credentials");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a host name is 1-64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit; was '" + name + "'");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("host " + name + ": concurrency must be at least 1, was " + concurrency);
        }
        url = url == null || url.isBlank() ? null : url.strip();
    }

    /** A host of {@code kind} at {@code url} with concurrency 4 and the {@code HE300_*} variables as credentials. */
    public static Host of(String name, TargetKind kind, String url) {
        return new Host(name, kind, url, 4, CredentialRef.environment());
    }

    public Host withConcurrency(int value) {
        return new Host(name, kind, url, value, credentials);
    }

    public Host withCredentials(CredentialRef value) {
        return new Host(name, kind, url, concurrency, value);
    }

    /** Whether a missing model can be pulled here (an Ollama server). */
    boolean pulls() {
        return kind == TargetKind.OLLAMA;
    }

    /**
     * Where a host's credentials come from: the {@code HE300_*} variables, variables with another prefix
     * ({@code GPU_A_TOKEN}, {@code GPU_A_API_KEY}, ...), or a {@code KEY=VALUE} file that only its owner may read.
     *
     * @param prefix the variable prefix, {@code HE300} by default; null with a file
     * @param file the credentials file, or null
     */
    public record CredentialRef(String prefix, Path file) {
        public CredentialRef {
            if ((prefix == null) == (file == null)) {
                throw new IllegalArgumentException("credentials come from a variable prefix or a file, not both");
            }
            if (prefix != null && !prefix.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a credentials prefix is upper-case letters, digits and '_', was '"
                        + prefix + "'");
            }
        }

        /** {@code HE300_TOKEN}, {@code HE300_API_KEY}, {@code HE300_USERNAME}, {@code HE300_PASSWORD}. */
        public static CredentialRef environment() {
            return new CredentialRef("HE300", null);
        }

        /** {@code <prefix>_TOKEN}, {@code <prefix>_API_KEY}, {@code <prefix>_USERNAME}, {@code <prefix>_PASSWORD}. */
        public static CredentialRef environment(String prefix) {
            return new CredentialRef(prefix, null);
        }

        /** A {@code KEY=VALUE} file with the {@code HE300_*} names; it must not be readable by others. */
        public static CredentialRef file(Path file) {
            return new CredentialRef(null, Objects.requireNonNull(file, "file"));
        }

        @Override
        public String toString() {
            return file != null ? "file " + file : "environment " + prefix + "_*";
        }
    }
}
