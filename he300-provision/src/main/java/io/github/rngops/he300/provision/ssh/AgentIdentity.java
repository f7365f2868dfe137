package io.github.rngops.he300.provision.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import net.schmizz.sshj.common.Buffer;

/**
 * A key an ssh-agent holds: its public key blob (SSH wire encoding, as in {@code ~/.ssh/id_*.pub}) and the comment
 * {@code ssh-add} gave it (usually the key file's path). Public material only; {@link #toString()} is what
 * {@code ssh-add -l} prints, type, fingerprint and comment, and is what messages name.
 *
 * @param blob the public key blob
 * @param comment the agent's comment for the key, possibly empty
 */
record AgentIdentity(byte[] blob, String comment) {
    AgentIdentity {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(comment, "comment");
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** {@return the key type the blob starts with: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}, …} */
    String type() {
        try {
            return new Buffer.PlainBuffer(blob).readString(StandardCharsets.US_ASCII);
        } catch (Buffer.BufferException e) {
            return "unknown";
        }
    }

    /** {@return {@code SHA256:} and the unpadded base64 of the blob's SHA-256, as {@code ssh-add -l} prints it} */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@return whether this is the public key {@code otherBlob}} */
    boolean is(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentIdentity that && that.is(blob) && that.comment.equals(comment);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(blob) + comment.hashCode();
    }

    @Override
    public String toString() {
        return type() + " " + fingerprint() + (comment.isEmpty() ? "" : " " + comment);
    }
}
