package io.github.rngops.he300.provision.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret value: an API key, a JWT secret, a database password, an auth key. {@link #toString()} is
 * {@value #MASK}; the value is reached only through {@link #reveal()}, which a caller uses at the one place the
 * value must go (a {@code .env} file, a secret command argument). {@link #origin()} says where it came from and may be
 * shown ({@code generated}, {@code env HE300_API_KEY}, {@code file /etc/he300/api_key}, {@code install.yaml}).
 */
public final class Secret {
    /** How a secret is shown. */
    public static final String MASK = "****";
    /** Random bytes in a generated secret (encoded as 43 characters of URL-safe base64). */
    public static final int GENERATED_BYTES = 32;

    private static final String GENERATED = "generated";

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty (origin: " + origin + ")");
        }
    }

    /**
     * {@return a given value}
     *
     * @param value the secret itself; not empty
     * @param origin where it was found ({@code env HE300_API_KEY}); shown in place of the value
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
    }

    /**
     * {@return {@value #GENERATED_BYTES} random bytes from {@code random}, URL-safe base64 without padding}
     *
     * @param random the source, a {@link SecureRandom} (a test may seed one)
     */
    public static Secret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), GENERATED);
    }

    /**
     * A new Fernet key (what CIRISNode's {@code CIPHER_SECRET_KEY} must be): {@value #GENERATED_BYTES} random bytes,
     * URL-safe base64 with its padding (44 characters).
     *
     * @param random the source, a {@link SecureRandom} (a test may seed one)
     * @return the key, with origin {@code generated}
     */
    public static Secret generateKey(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().encodeToString(bytes), GENERATED);
    }

    /** {@return whether it was generated here (not given in the file, a file or the environment)} */
    public boolean generated() {
        return origin.equals(GENERATED);
    }

    /** {@return the value itself} Call it only where the value must go, never to show or log it. */
    public String reveal() {
        return value;
    }

    /** {@return where the value came from; safe to show} */
    public String origin() {
        return origin;
    }

    /** {@value #MASK}. */
    @Override
    public String toString() {
        return MASK;
    }

    /** Same value (compared in constant time); the origin does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                that.value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@return the value's length only, so that a hash says nothing more of the value} */
    @Override
    public int hashCode() {
        return value.length();
    }
}
