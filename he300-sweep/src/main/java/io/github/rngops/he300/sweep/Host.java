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

    /**
     * Checks the name and concurrency; a blank URL becomes null.
     *
     * @param name 1 to 64 of letters, digits, {@code .}, {@code _}, {@code -}, starting with a letter or digit
     * @param kind what serves there
     * @param url its base URL; null or blank for the kind's default
     * @param concurrency requests in flight at most on this host, at least 1
     * @param credentials where its credentials come from
     * @throws IllegalArgumentException if the name or concurrency is refused
     */
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

    /**
     * A host of {@code kind} at {@code url} with concurrency 4 and the {@code HE300_*} variables as credentials.
     *
     * @param name how the sweep calls it; part of every cell id
     * @param kind what serves there
     * @param url its base URL, like {@code http://gpu-a:11434}; null for the kind's default
     * @return the host
     * @throws IllegalArgumentException if the name is refused
     */
    public static Host of(String name, TargetKind kind, String url) {
        return new Host(name, kind, url, 4, CredentialRef.environment());
    }

    /**
     * {@return this host with another concurrency}
     *
     * @param value requests in flight at most, at least 1 (the server's own limit, like {@code OLLAMA_NUM_PARALLEL})
     * @throws IllegalArgumentException if it is below 1
     */
    public Host withConcurrency(int value) {
        return new Host(name, kind, url, value, credentials);
    }

    /**
     * {@return this host with its credentials from elsewhere}
     *
     * @param value variables of another prefix, or a file
     */
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
        /**
         * Checks that exactly one of prefix and file is given, and the prefix's form.
         *
         * @param prefix upper-case letters, digits and {@code _}, starting with a letter; null with a file
         * @param file the credentials file; null with a prefix
         * @throws IllegalArgumentException if both or neither are given, or the prefix is refused
         */
        public CredentialRef {
            if ((prefix == null) == (file == null)) {
                throw new IllegalArgumentException("credentials come from a variable prefix or a file, not both");
            }
            if (prefix != null && !prefix.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a credentials prefix is upper-case letters, digits and '_', was '"
                        + prefix + "'");
            }
        }

        /** {@return {@code HE300_TOKEN}, {@code HE300_API_KEY}, {@code HE300_USERNAME}, {@code HE300_PASSWORD}} */
        public static CredentialRef environment() {
            return new CredentialRef("HE300", null);
        }

        /**
         * {@return {@code <prefix>_TOKEN}, {@code <prefix>_API_KEY}, {@code <prefix>_USERNAME}, {@code <prefix>_PASSWORD}}
         *
         * @param prefix upper-case letters, digits and {@code _}, like {@code GPU_A}
         * @throws IllegalArgumentException if the prefix is refused
         */
        public static CredentialRef environment(String prefix) {
            return new CredentialRef(prefix, null);
        }

        /**
         * {@return a {@code KEY=VALUE} file with the {@code HE300_*} names, read when the host's first cell starts}
         *
         * @param file the file; the sweep warns (on {@link SweepRunner.Builder#warnings}) when others may read it
         */
        public static CredentialRef file(Path file) {
            return new CredentialRef(null, Objects.requireNonNull(file, "file"));
        }

        /** {@return where the credentials come from, for messages: {@code environment HE300_*} or {@code file <path>}} */
        @Override
        public String toString() {
            return file != null ? "file " + file : "environment " + prefix + "_*";
        }
    }
}
