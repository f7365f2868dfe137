package io.github.rngops.he300.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.rngops.he300.core.internal.JsonProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The signature of a result file, kept beside it as {@code <result file>.sig} (JSON, schema {@value #SCHEMA}), never
 * inside the signed bytes.
 *
 * @param algorithm always {@code Ed25519} (RFC 8032, pure)
 * @param canonicalization always {@code RFC8785}: what was signed is the JCS form of the result file's JSON
 * @param signedFile the result file's name, for people (not checked: a renamed file still verifies)
 * @param contentSha256 hex SHA-256 of the canonical bytes, for people and tools that want to compare digests
 * @param publicKey base64 of the signer's X.509 SubjectPublicKeyInfo (44 bytes DER)
 * @param keyFingerprint {@code SHA256:} and 32 hex digits of the SHA-256 of the raw 32-byte key
 * @param signature base64 of the 64-byte Ed25519 signature over the canonical bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignatureFile(String schema, String algorithm, String canonicalization, String signedFile,
        String contentSha256, String publicKey, String keyFingerprint, String signature) {

    static final String SCHEMA = "he300.signature/1";
    static final String ALGORITHM = "Ed25519";
    static final String CANONICALIZATION = "RFC8785";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where the signature of {@code resultFile} lives: the same path with {@code .sig} appended. */
    static Path beside(Path resultFile) {
        return resultFile.resolveSibling(resultFile.getFileName() + ".sig");
    }

    void write(Path file) {
        Reports.atomically(file, out -> out.write(MAPPER.writeValueAsString(this) + "\n"));
    }

    /**
     * @throws ReportException if there is no signature file, or it is not one this version reads
     */
    static SignatureFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportException("no signature at " + file + ": sign the result first (report sign)");
        } catch (IOException e) {
            throw ReportException.cannotRead(file, e);
        }
        SignatureFile signature;
        try {
            signature = MAPPER.readValue(text, SignatureFile.class);
        } catch (JsonProcessingException e) {
            throw new ReportException(file + " is not an he300 signature file: " + JsonProblem.describe(e), e);
        } catch (IOException e) {
            throw new ReportException(file + " is not an he300 signature file: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (!SCHEMA.equals(signature.schema()) || !ALGORITHM.equals(signature.algorithm())
                || !CANONICALIZATION.equals(signature.canonicalization()) || signature.publicKey() == null
                || signature.signature() == null) {
            throw new ReportException(file + " is not an he300 signature file this version reads: expected schema "
                    + SCHEMA + ", algorithm " + ALGORITHM + ", canonicalization " + CANONICALIZATION
                    + ", a public_key and a signature");
        }
        return signature;
    }
}
