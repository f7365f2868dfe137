package io.github.rngops.he300.report;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys in their two usual spellings: the 44-byte X.509 SubjectPublicKeyInfo DER (what the JDK and
 * {@code openssl pkey -pubin} read, what signature files carry, base64) and the raw 32-byte key (RFC 8032).
 */
final class Ed25519Keys {

    /** SubjectPublicKeyInfo of id-Ed25519 (1.3.101.112), up to the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    /** The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo, or of a raw key given as it is. */
    static byte[] raw(byte[] encoded) {
        if (encoded.length == 32) {
            return encoded.clone();
        }
        if (encoded.length == SPKI_PREFIX.length + 32
                && Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
        }
        throw new IllegalArgumentException("not an Ed25519 public key: " + encoded.length
                + " bytes, expected 32 (raw) or 44 (X.509 SubjectPublicKeyInfo)");
    }

    /** The SubjectPublicKeyInfo DER of a raw 32-byte key. */
    static byte[] spki(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw(raw), 0, spki, SPKI_PREFIX.length, 32);
        return spki;
    }

    /** A JDK public key from raw or SubjectPublicKeyInfo bytes. */
    static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki(raw(encoded))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * A public key as given by a person: base64 of the SubjectPublicKeyInfo or of the raw 32 bytes, or PEM text
     * ({@code -----BEGIN PUBLIC KEY-----}).
     */
    static byte[] parse(String text) {
        String body = text.strip();
        int begin = body.indexOf("-----BEGIN PUBLIC KEY-----");
        if (begin >= 0) {
            int end = body.indexOf("-----END PUBLIC KEY-----", begin);
            if (end < 0) {
                throw new IllegalArgumentException("PEM public key without its END line");
            }
            body = body.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
        }
        try {
            return raw(Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (base64 or PEM): " + e.getMessage(), e);
        }
    }

    /** {@code SHA256:} and the first 16 bytes of the SHA-256 of the raw key, in hex: a short name for a key. */
    static String fingerprint(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw(raw));
            return "SHA256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
