package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {

    private static RunResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeResult() {
        result = Results.synthetic(60, 3, 0.7, "model-a");
    }

    private Path resultFile() {
        Path file = dir.resolve("result.json");
        RunResultJson.write(result, file);
        return file;
    }

    @Test
    void signsAndVerifiesWithThePublicKeyAlone() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys/signing-key.pem"));

        Path signature = key.sign(file);

        assertThat(signature).isEqualTo(dir.resolve("result.json.sig"));
        Verification check = Verification.verify(file, List.of(key.publicKeyBase64()));
        assertThat(check.status()).isEqualTo(Verification.Status.VALID);
        assertThat(check.keyFingerprint()).isEqualTo(key.fingerprint());
        // A third party: the JDK alone, the public key from the .pub file, the canonical bytes.
        String pub = Files.readString(dir.resolve("keys/signing-key.pem.pub"));
        JsonNode sig = new ObjectMapper().readTree(signature.toFile());
        byte[] spki = Base64.getMimeDecoder().decode(SigningKey.block(pub, "PUBLIC KEY"));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(CanonicalJson.canonicalize(Files.readString(file)));
        assertThat(verifier.verify(Base64.getDecoder().decode(sig.get("signature").asText()))).isTrue();
    }

    @Test
    void writesTheSignatureBesideTheResultNotInIt() throws Exception {
        Path file = resultFile();
        byte[] before = Files.readAllBytes(file);
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));

        key.sign(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        JsonNode sig = new ObjectMapper().readTree(dir.resolve("result.json.sig").toFile());
        assertThat(sig.get("schema").asText()).isEqualTo("he300.signature/1");
        assertThat(sig.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(sig.get("canonicalization").asText()).isEqualTo("RFC8785");
        assertThat(sig.get("signed_file").asText()).isEqualTo("result.json");
        assertThat(sig.get("public_key").asText()).isEqualTo(key.publicKeyBase64());
        assertThat(Base64.getDecoder().decode(sig.get("public_key").asText())).hasSize(44);
        assertThat(Base64.getDecoder().decode(sig.get("signature").asText())).hasSize(64);
        assertThat(sig.get("content_sha256").asText()).hasSize(64);
    }

    @Test
    void aOneByteChangeOfAValueIsTampered() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        key.sign(file);
        String text = Files.readString(file);
        int at = text.indexOf("\"correct\" : ") + "\"correct\" : ".length();
        char digit = text.charAt(at);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        bytes[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) (digit == '9' ? '8' : digit + 1);
        Files.write(file, bytes);

        Verification check = Verification.verify(file, List.of(key.publicKeyBase64()));

        assertThat(check.status()).isEqualTo(Verification.Status.TAMPERED);
        assertThat(check.detail()).contains("does not match");
    }

    @Test
    void aByteThatBreaksTheJsonIsTamperedToo() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        key.sign(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = '[';
        Files.write(file, bytes);

        assertThat(Verification.verify(file, List.of(key.publicKeyBase64())).status())
                .isEqualTo(Verification.Status.TAMPERED);
    }

    @Test
    void reformattingTheJsonKeepsTheSignatureValid() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        key.sign(file);
        ObjectMapper mapper = new ObjectMapper();
        Files.writeString(file, mapper.writeValueAsString(mapper.readTree(file.toFile()))); // compact, one line

        assertThat(Verification.verify(file, List.of(key.publicKeyBase64())).status())
                .isEqualTo(Verification.Status.VALID);
    }

    @Test
    void aDifferentKeyIsUnknown() {
        Path file = resultFile();
        SigningKey signer = SigningKey.loadOrCreate(dir.resolve("signer.pem"));
        SigningKey other = SigningKey.loadOrCreate(dir.resolve("other.pem"));
        signer.sign(file);

        Verification check = Verification.verify(file, List.of(other.publicKeyBase64()));

        assertThat(check.status()).isEqualTo(Verification.Status.UNKNOWN_KEY);
        assertThat(check.detail()).contains(signer.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(signer.fingerprint());
    }

    @Test
    void aResultResignedByAnotherKeyIsUnknownNotValid() {
        Path file = resultFile();
        SigningKey mine = SigningKey.loadOrCreate(dir.resolve("mine.pem"));
        SigningKey forger = SigningKey.loadOrCreate(dir.resolve("forger.pem"));
        mine.sign(file);
        forger.sign(file); // replaces the .sig with one of the forger's key

        assertThat(Verification.verify(file, List.of(mine.publicKeyBase64())).status())
                .isEqualTo(Verification.Status.UNKNOWN_KEY);
    }

    @Test
    void acceptsTrustedKeysAsRawBase64AndPem() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        key.sign(file);
        byte[] raw = Ed25519Keys.raw(Base64.getDecoder().decode(key.publicKeyBase64()));

        assertThat(Verification.verify(file, List.of(Base64.getEncoder().encodeToString(raw))).status())
                .isEqualTo(Verification.Status.VALID);
        assertThat(Verification.verify(file, List.of(Files.readString(dir.resolve("key.pem.pub")))).status())
                .isEqualTo(Verification.Status.VALID);
    }

    @Test
    void createsThePrivateKeyFileReadableByItsOwnerOnly() throws Exception {
        Path keyFile = dir.resolve("fresh/dir/signing-key.pem");

        SigningKey key = SigningKey.loadOrCreate(keyFile);

        assertThat(key.created()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.readString(keyFile)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(dir.resolve("fresh/dir/signing-key.pem.pub"))).doesNotContain("PRIVATE");
        try (var leftovers = Files.list(keyFile.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "signing-key.pem", "signing-key.pem.pub");
        }
    }

    @Test
    void loadsTheSameKeyAgainAndNeverShowsThePrivateKey() throws Exception {
        Path keyFile = dir.resolve("key.pem");
        SigningKey first = SigningKey.loadOrCreate(keyFile);

        SigningKey again = SigningKey.loadOrCreate(keyFile);

        assertThat(again.created()).isFalse();
        assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        String secret = SigningKey.block(Files.readString(keyFile), "PRIVATE KEY");
        assertThat(again.toString()).doesNotContain(secret).contains(again.fingerprint());
    }

    @Test
    void refusesToSignWhatIsNotAResult() throws Exception {
        Path notResult = dir.resolve("other.json");
        Files.writeString(notResult, "{\"hello\": 1}");
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));

        assertThatThrownBy(() -> key.sign(notResult)).isInstanceOf(He300Exception.class)
                .hasMessageContaining("is not an he300 result");
        assertThat(dir.resolve("other.json.sig")).doesNotExist();
    }

    @Test
    void refusesWhatIsNotAResultBeforeCreatingTheKey() throws Exception {
        Path notResult = dir.resolve("bad.json");
        Files.writeString(notResult, "{\"hello\": 1}");
        Path keyFile = dir.resolve("k.pem");

        assertThatThrownBy(() -> SigningKey.signWithKeyAt(keyFile, notResult)).isInstanceOf(He300Exception.class)
                .hasMessageContaining("is not an he300 result");
        assertThat(keyFile).doesNotExist();
        assertThat(dir.resolve("k.pem.pub")).doesNotExist();
        assertThat(dir.resolve("bad.json.sig")).doesNotExist();
    }

    @Test
    void signsWithAKeyItCreatesOnFirstUse() {
        Path file = resultFile();
        SigningKey.Signed signed = SigningKey.signWithKeyAt(dir.resolve("k.pem"), file);

        assertThat(signed.key().created()).isTrue();
        assertThat(signed.signature()).isEqualTo(dir.resolve("result.json.sig"));
        assertThat(Verification.verify(file, List.of(signed.key().publicKeyBase64())).status())
                .isEqualTo(Verification.Status.VALID);
        assertThat(SigningKey.signWithKeyAt(dir.resolve("k.pem"), file).key().created()).isFalse();
    }

    @Test
    void aSignatureFileOfTheWrongShapeIsDescribedInJsonTerms() throws Exception {
        Path file = resultFile();
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        Files.writeString(dir.resolve("result.json.sig"), "{\"schema\": [1], \"signature\": 7}");
        assertThatThrownBy(() -> Verification.verify(file, List.of(key.publicKeyBase64())))
                .isInstanceOf(ReportException.class).hasMessageEndingWith("is not an he300 signature file:"
                        + " \"schema\" must be text").hasMessageNotContaining("JsonToken");
        Files.writeString(dir.resolve("result.json.sig"), "%%");
        assertThatThrownBy(() -> Verification.verify(file, List.of(key.publicKeyBase64())))
                .hasMessageEndingWith("is not an he300 signature file: not JSON (line 1, column 1)");
    }

    @Test
    void saysWhatIsMissing() throws Exception {
        Path file = resultFile();
        assertThatThrownBy(() -> Verification.verify(file, List.of("AAAA"))).isInstanceOf(ReportException.class)
                .hasMessageContaining("not an Ed25519 public key");
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        assertThatThrownBy(() -> Verification.verify(file, List.of(key.publicKeyBase64())))
                .isInstanceOf(ReportException.class).hasMessageContaining("no signature at");
        key.sign(file);
        assertThatThrownBy(() -> Verification.verify(file, List.of())).isInstanceOf(ReportException.class)
                .hasMessageContaining("no trusted public key");
        Files.writeString(dir.resolve("bad.pem"), "not a key");
        assertThatThrownBy(() -> SigningKey.load(dir.resolve("bad.pem"))).isInstanceOf(ReportException.class)
                .hasMessageContaining("is not an Ed25519 signing key");
    }
}
