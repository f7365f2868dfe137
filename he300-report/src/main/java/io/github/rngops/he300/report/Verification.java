package io.github.rngops.he300.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks a result file against the signature beside it ({@code <result>.sig}) and a set of trusted public keys.
 *
 * <pre>{@code
 * Verification check = Verification.verify(Path.of("result.json"), List.of("MCowBQYDK2VwAyEA..."));
 * if (check.status() != Verification.Status.VALID) {
 *     System.err.println(check.detail());
 * }
 * }</pre>
 *
 * <p>The result's JSON is canonicalized (RFC 8785) and the Ed25519 signature checked over those bytes with the
 * public key the signature file names; then that key must be one of the trusted ones. Whitespace and member order
 * may change without breaking the signature; any change of a value breaks it.
 *
 * @param status what the check found
 * @param keyFingerprint the fingerprint of the key named by the signature file
 * @param detail one line for a person
 */
public record Verification(Status status, String keyFingerprint, String detail) {

    /** What a check of a signed result can find. */
    public enum Status {
        /** The signature matches the result and was made by a trusted key. */
        VALID,
        /** The result (or its signature file) changed after signing, or the result is no longer JSON. */
        TAMPERED,
        /** The signature matches, but was made by a key that is not among the trusted ones. */
        UNKNOWN_KEY
    }

    /**
     * Checks that every component is given.
     *
     * @param status what the check found
     * @param keyFingerprint the fingerprint of the key named by the signature file
     * @param detail one line for a person
     */
    public Verification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Checks {@code resultFile} against {@code <resultFile>.sig}.
     *
     * @param resultFile a signed {@code result.json}
     * @param trustedKeys public keys as base64 (SubjectPublicKeyInfo or raw 32 bytes) or PEM text
     * @throws ReportException if there is no signature file, it is not one this version reads, a trusted key is not
     *     an Ed25519 public key, or no key is trusted
     * @return {@link Status#VALID}, {@link Status#TAMPERED} or {@link Status#UNKNOWN_KEY}, with the key's fingerprint
     */
    public static Verification verify(Path resultFile, Collection<String> trustedKeys) {
        return verify(resultFile, SignatureFile.beside(resultFile), trustedKeys);
    }

    /**
     * Checks {@code resultFile} against the signature in {@code signatureFile}.
     *
     * @param resultFile a signed {@code result.json}
     * @param signatureFile its signature, kept elsewhere than beside it
     * @param trustedKeys public keys as base64 (SubjectPublicKeyInfo or raw 32 bytes) or PEM text
     * @return {@link Status#VALID}, {@link Status#TAMPERED} or {@link Status#UNKNOWN_KEY}, with the key's fingerprint
     * @throws ReportException as {@link #verify(Path, Collection)} does
     */
    public static Verification verify(Path resultFile, Path signatureFile, Collection<String> trustedKeys) {
        List<byte[]> trusted = new ArrayList<>();
        for (String key : trustedKeys) {
            try {
                trusted.add(Ed25519Keys.parse(key));
            } catch (IllegalArgumentException e) {
                throw new ReportException("trusted key: " + e.getMessage(), e);
            }
        }
        if (trusted.isEmpty()) {
            throw new ReportException("no trusted public key given: pass the signer's public key (--public-key)");
        }
        SignatureFile signature = SignatureFile.read(signatureFile);
        byte[] signer;
        byte[] signatureBytes;
        try {
            signer = Ed25519Keys.raw(Base64.getDecoder().decode(signature.publicKey()));
            signatureBytes = Base64.getDecoder().decode(signature.signature());
        } catch (IllegalArgumentException e) {
            throw new ReportException(signatureFile + " holds a malformed key or signature: " + e.getMessage(), e);
        }
        String fingerprint = Ed25519Keys.fingerprint(signer);
        String text;
        try {
            text = Files.readString(resultFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ReportException.cannotRead(resultFile, e);
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonicalize(text);
        } catch (IllegalArgumentException e) {
            return new Verification(Status.TAMPERED, fingerprint, resultFile + " is no longer canonical JSON ("
                    + e.getMessage() + "): it changed after signing");
        }
        if (!check(signer, canonical, signatureBytes)) {
            return new Verification(Status.TAMPERED, fingerprint, "the signature does not match " + resultFile
                    + ": the result or its signature changed after signing");
        }
        if (trusted.stream().noneMatch(key -> Arrays.equals(key, signer))) {
            return new Verification(Status.UNKNOWN_KEY, fingerprint, resultFile + " is signed by " + fingerprint
                    + ", which is not a trusted key");
        }
        return new Verification(Status.VALID, fingerprint, resultFile + " is signed by the trusted key "
                + fingerprint + " and unchanged since");
    }

    /**
     * A public key as a person gives it on a command line: the text of the file it names when it names a file
     * (PEM or base64), else the text itself (base64).
     *
     * @param valueOrFile what {@code --public-key} was given
     * @return the key's text, for {@link #verify}
     * @throws ReportException if it names a file that cannot be read
     */
    public static String keyText(String valueOrFile) {
        Path file = null;
        try {
            file = Path.of(valueOrFile);
        } catch (java.nio.file.InvalidPathException e) {
            return valueOrFile;
        }
        if (!Files.isRegularFile(file)) {
            return valueOrFile;
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ReportException.cannotRead(file, e);
        }
    }

    /** Whether {@code signature} is an Ed25519 signature of {@code message} by the raw key {@code publicKey}. */
    static boolean check(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(Ed25519Keys.publicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // a signature of the wrong length or shape
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed: " + e.getMessage(), e);
        }
    }
}
