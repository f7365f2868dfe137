package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.PrivateFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * A WireGuard key: 32 bytes, written as 44 characters of base64. Private keys are Curve25519 scalars clamped as
 * RFC 7748 says (and as {@code wg genkey} does); the public key is X25519 of the private key and the base point,
 * computed by the JDK's {@code XDH} provider, byte for byte what {@code wg pubkey} prints. Preshared keys are 32
 * random bytes.
 *
 * <pre>{@code
 * WgKey key = WgKey.generatePrivate(new SecureRandom());
 * key.writeTo(Path.of("runner.key"));        // mode 0600
 * String pub = key.publicKey().base64();      // safe to share
 * }</pre>
 *
 * <p>{@link #toString()} shows public keys and masks the others.
 */
public final class WgKey {
    /** What the key is for; only public keys may be shown. */
    public enum Kind {
        /** An interface's own secret ({@code PrivateKey}, {@code wg genkey}). */
        PRIVATE,
        /** Derived from a private key and safe to share ({@code PublicKey}, {@code wg pubkey}). */
        PUBLIC,
        /** A secret both ends of one peering hold ({@code PresharedKey}, {@code wg genpsk}). */
        PRESHARED
    }

    private static final int LENGTH = 32;
    private static final byte[] BASE_POINT = new byte[LENGTH];

    static {
        BASE_POINT[0] = 9;
    }

    private final Kind kind;
    private final byte[] bytes;

    private WgKey(Kind kind, byte[] bytes) {
        this.kind = kind;
        this.bytes = bytes;
    }

    /**
     * {@return a new private key: 32 random bytes, clamped}
     *
     * @param random where the bytes come from ({@code new SecureRandom()}; a seeded one only in tests)
     */
    public static WgKey generatePrivate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new WgKey(Kind.PRIVATE, clamp(bytes));
    }

    /**
     * {@return a new preshared key: 32 random bytes}
     *
     * @param random where the bytes come from ({@code new SecureRandom()}; a seeded one only in tests)
     */
    public static WgKey generatePreshared(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new WgKey(Kind.PRESHARED, bytes);
    }

    /**
     * Reads a key of the given kind from its base64 form. {@code field} names the setting in the message of a
     * refusal, which never repeats a private or preshared value.
     *
     * @param kind what the key is; the bytes do not tell
     * @param field the setting the key comes from, like {@code Peer.PublicKey}
     * @param base64 44 characters of base64 ending in {@code =}, as {@code wg} prints; surrounding spaces are ignored
     * @return the key
     * @throws NetException if the text is not a canonical 32-byte key in base64
     */
    public static WgKey parse(Kind kind, String field, String base64) {
        Objects.requireNonNull(base64, field);
        String text = base64.strip();
        String shown = kind == Kind.PUBLIC ? "'" + text + "' " : "the value given ";
        if (text.length() != 44 || !text.endsWith("=")) {
            throw NetException.invalid(field, shown + "is not a WireGuard key: a key is 44 characters of base64"
                    + " ending in '=' (" + text.length() + " given), as wg genkey, wg pubkey and wg genpsk print");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw NetException.invalid(field, shown + "is not valid base64: a WireGuard key is 44 characters of"
                    + " A-Z a-z 0-9 + / ending in '='");
        }
        if (bytes.length != LENGTH || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw NetException.invalid(field, shown + "is not a canonical 32-byte WireGuard key");
        }
        return new WgKey(kind, bytes);
    }

    /** {@return what the key is for} */
    public Kind kind() {
        return kind;
    }

    /** {@return the key as WireGuard writes it; for a private or preshared key this is the secret itself} */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * {@return the public key of this private key, as {@code wg pubkey} would print it}
     *
     * @throws IllegalStateException if this is not a private key
     */
    public WgKey publicKey() {
        if (kind != Kind.PRIVATE) {
            throw new IllegalStateException("only a private key has a public key; this is a " + kind + " key");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("XDH");
            PrivateKey privateKey = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, bytes));
            PublicKey basePoint = factory.generatePublic(
                    new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reversed(BASE_POINT))));
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(privateKey);
            agreement.doPhase(basePoint, true);
            return new WgKey(Kind.PUBLIC, agreement.generateSecret());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's X25519 (XDH) provider failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the base64 form and a newline to {@code file} on this machine with mode 0600, as
     * {@code wg genkey > file} with umask 077; an existing file is replaced.
     *
     * @param file where the key goes
     * @return the file's absolute path
     * @throws NetException if {@code file} is a directory
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public Path writeTo(Path file) {
        return PrivateFile.write(file, (base64() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** {@return the base64 key for a public key; {@code (private key)} or {@code (preshared key)} otherwise} */
    @Override
    public String toString() {
        return switch (kind) {
            case PUBLIC -> base64();
            case PRIVATE -> "(private key)";
            case PRESHARED -> "(preshared key)";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WgKey that && kind == that.kind && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(bytes);
    }

    /** RFC 7748 section 5: clear the 3 low bits, clear the top bit, set the second-highest bit. */
    private static byte[] clamp(byte[] bytes) {
        bytes[0] &= (byte) 248;
        bytes[31] &= (byte) 127;
        bytes[31] |= (byte) 64;
        return bytes;
    }

    private static byte[] reversed(byte[] littleEndian) {
        byte[] out = new byte[littleEndian.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = littleEndian[out.length - 1 - i];
        }
        return out;
    }
}
