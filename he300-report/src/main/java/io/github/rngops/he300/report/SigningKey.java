package io.github.rngops.he300.report;

import io.github.rngops.he300.core.run.RunResultJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An Ed25519 key that signs result files. The signature covers the RFC 8785 canonical form of the result's JSON
 * and is written beside it ({@code result.json.sig}) with the public key, so that anyone holding only the public
 * key can check it ({@link Verification}).
 *
 * <pre>{@code
 * SigningKey key = SigningKey.loadOrCreate(SigningKey.defaultFile(System.getenv()));
 * Path signature = key.sign(Path.of("runs/42/result.json"));     // runs/42/result.json.sig
 * System.out.println(key.publicKeyBase64());                      // give this to whoever verifies
 * }</pre>
 *
 * <p>The key file is PEM: the PKCS#8 private key, then its X.509 public key. It is created with permissions 0600
 * from the start (written under a temporary name with those permissions, then linked into place, so no other user
 * can ever read it and a concurrent creator cannot be overwritten); {@code <key file>.pub} holds the public key
 * alone, to hand out. Nothing here prints or logs the private key.
 */
public final class SigningKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final Path file;
    private final boolean created;

    private SigningKey(PrivateKey privateKey, byte[] publicKey, Path file, boolean created) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.file = file;
        this.created = created;
    }

    /**
     * {@return {@code $XDG_CONFIG_HOME/he300/signing-key.pem}, else {@code ~/.config/he300/signing-key.pem}}
     *
     * @param env the environment ({@code XDG_CONFIG_HOME}, {@code HOME})
     */
    public static Path defaultFile(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("he300").resolve("signing-key.pem");
    }

    /**
     * The key in {@code file}, or a new key written there (0600) and its public key to {@code file.pub} when there
     * is none.
     *
     * @param file the private key's file, e.g. {@link #defaultFile}'s
     * @return the key, ready to sign
     * @throws ReportException if the file exists but is not a key this module wrote, or cannot be written
     */
    public static SigningKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since 15", e);
        }
        byte[] raw = Ed25519Keys.raw(pair.getPublic().getEncoded());
        String pem = Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + Ed25519Keys.pem("PUBLIC KEY", Ed25519Keys.spki(raw));
        try {
            createPrivate(file, pem.getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            return load(file); // another process created it first: use theirs
        } catch (IOException e) {
            throw ReportException.cannotWrite(file, e);
        }
        Reports.atomically(file.resolveSibling(file.getFileName() + ".pub"),
                out -> out.write(Ed25519Keys.pem("PUBLIC KEY", Ed25519Keys.spki(raw))));
        return new SigningKey(pair.getPrivate(), raw, file, true);
    }

    /**
     * The key in {@code file}.
     *
     * @param file a private key file this module wrote
     * @return the key, checked to sign what its public half verifies
     * @throws ReportException if it is missing or not an Ed25519 key file of this module
     */
    public static SigningKey load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ReportException.cannotRead(file, e);
        }
        try {
            byte[] pkcs8 = Base64.getMimeDecoder().decode(block(text, "PRIVATE KEY"));
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] raw = Ed25519Keys.parse(Ed25519Keys.pem("PUBLIC KEY",
                    Base64.getMimeDecoder().decode(block(text, "PUBLIC KEY"))));
            SigningKey key = new SigningKey(privateKey, raw, file, false);
            byte[] probe = "he300 key check".getBytes(StandardCharsets.US_ASCII);
            if (!Verification.check(raw, probe, key.signBytes(probe))) {
                throw new ReportException(file + ": its private and public keys do not belong together");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ReportException(file + " is not an Ed25519 signing key written by he300 (PEM with a PRIVATE KEY"
                    + " and a PUBLIC KEY block): " + e.getMessage(), e);
        }
    }

    /**
     * Signs the result file {@code resultFile} and writes the signature beside it as {@code <resultFile>.sig}.
     *
     * @param resultFile a {@code result.json}
     * @return the signature file
     * @throws io.github.rngops.he300.core.He300Exception if the file is not an he300 result of a version this
     *     module reads
     */
    public Path sign(Path resultFile) {
        return sign(resultFile, canonicalResult(resultFile));
    }

    /**
     * Signs {@code resultFile} with the key in {@code keyFile}, created as {@link #loadOrCreate} does; the result is
     * read and checked first, so that a file that is not a result is refused before any key file is written.
     *
     * @param keyFile the private key, created (0600) when absent
     * @param resultFile the result to sign
     * @return the key used (its {@link #created()} says whether it is new) and the signature file
     */
    public static Signed signWithKeyAt(Path keyFile, Path resultFile) {
        byte[] canonical = canonicalResult(resultFile);
        SigningKey key = loadOrCreate(keyFile);
        return new Signed(key, key.sign(resultFile, canonical));
    }

    /**
     * What {@link #signWithKeyAt} did: the key it used and the signature file it wrote.
     *
     * @param key the key used
     * @param signature the signature file written beside the result
     */
    public record Signed(SigningKey key, Path signature) {}

    private static byte[] canonicalResult(Path resultFile) {
        RunResultJson.read(resultFile); // refuses what is not a result, with a message for a person
        String text;
        try {
            text = Files.readString(resultFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ReportException.cannotRead(resultFile, e);
        }
        return CanonicalJson.canonicalize(text);
    }

    private Path sign(Path resultFile, byte[] canonical) {
        SignatureFile signature = new SignatureFile(SignatureFile.SCHEMA, SignatureFile.ALGORITHM,
                SignatureFile.CANONICALIZATION, resultFile.getFileName().toString(),
                HexFormat.of().formatHex(Page.sha256(canonical)), publicKeyBase64(), fingerprint(),
                Base64.getEncoder().encodeToString(signBytes(canonical)));
        Path out = SignatureFile.beside(resultFile);
        signature.write(out);
        return out;
    }

    byte[] signBytes(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    /** {@return the public key as base64 of its X.509 SubjectPublicKeyInfo: what {@code verify --public-key} takes} */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(Ed25519Keys.spki(publicKey));
    }

    /** {@return a short name for the key: {@code SHA256:} and 32 hex digits} */
    public String fingerprint() {
        return Ed25519Keys.fingerprint(publicKey);
    }

    /** {@return the key file} */
    public Path file() {
        return file;
    }

    /** {@return whether this key was created by {@link #loadOrCreate} just now} */
    public boolean created() {
        return created;
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + ", " + file + "]";
    }

    /**
     * Creates {@code file} holding {@code bytes}, readable by its owner only from the first moment: the bytes go to a
     * new temporary file created with 0600, which is then hard-linked to {@code file} (failing if it exists).
     */
    private static void createPrivate(Path file, byte[] bytes) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        Path temporary = directory.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".tmp");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Files.createFile(temporary, attributes);
        try {
            if (posix) {
                Files.setPosixFilePermissions(temporary, OWNER_ONLY); // in case a umask took more than asked
            }
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                out.write(bytes);
            }
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, Math.max(0, from));
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Objects.requireNonNull(pem.substring(from + begin.length(), to)).replaceAll("\\s", "");
    }
}
