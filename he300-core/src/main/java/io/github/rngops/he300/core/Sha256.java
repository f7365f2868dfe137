package io.github.rngops.he300.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form the dataset's published checksums and the goldens use. */
public final class Sha256 {
    private Sha256() {}

    /**
     * {@return the digest of {@code bytes}, 64 lower-case hex digits}
     *
     * @param bytes what to hash; not null
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
