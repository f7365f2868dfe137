package io.github.rngops.he300.client.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A model the simulator claims to serve, as {@code /api/tags} lists it. Its family is always {@code simulator}, so a
 * result made against it says so.
 *
 * @param name the Ollama name with tag, {@code llama3.2:3b}; a name given without a tag gets {@code :latest}
 * @param parameterSize as Ollama reports it, {@code 3.2B}
 * @param quantizationLevel as Ollama reports it, {@code Q4_K_M}
 */
public record SimulatedModel(String name, String parameterSize, String quantizationLevel) {

    /** The family every simulated model reports. */
    public static final String FAMILY = "simulator";

    /**
     * Checks the components, as the class description says of each.
     *
     * @param name the Ollama name with tag, {@code llama3.2:3b}; a name given without a tag gets {@code :latest}
     * @param parameterSize as Ollama reports it, {@code 3.2B}
     * @param quantizationLevel as Ollama reports it, {@code Q4_K_M}
     */
    public SimulatedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameterSize, "parameterSize");
        Objects.requireNonNull(quantizationLevel, "quantizationLevel");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("model name must be non-blank without spaces, was '" + name + "'");
        }
        name = withTag(name);
    }

    /**
     * {@return a model of that name, "7B" and "Q4_K_M"}
     *
     * @param name the model's name, e.g. {@code llama3.2:3b}; {@code :latest} is added when it has no tag; no spaces
     * @throws IllegalArgumentException when the name is blank or holds spaces
     */
    public static SimulatedModel of(String name) {

        return new SimulatedModel(name, "7B", "Q4_K_M");
    }

    /** {@code name:latest} for a name without a tag, else the name as is. */
    static String withTag(String name) {
        int slash = name.lastIndexOf('/');
        return name.indexOf(':', slash + 1) < 0 ? name + ":latest" : name;
    }

    /**
     * {@return the digest as {@code /api/tags} lists it (64 hex digits), derived from the name and details so it is stable}
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((FAMILY + "/" + name + "/" + parameterSize + "/" + quantizationLevel)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** {@return a plausible size in bytes for the claimed parameter count and quantization} */
    public long size() {
        double billions = parseBillions(parameterSize);
        double bitsPerWeight = quantizationLevel.startsWith("Q8") ? 8.5
                : quantizationLevel.startsWith("F16") || quantizationLevel.startsWith("BF16") ? 16
                : quantizationLevel.startsWith("Q5") ? 5.5
                : quantizationLevel.startsWith("Q6") ? 6.6
                : 4.8;
        return (long) (billions * 1e9 * bitsPerWeight / 8) + 1_000_000;
    }

    private static double parseBillions(String size) {
        String text = size.trim().toUpperCase(Locale.ROOT);
        double scale = text.endsWith("M") ? 1e-3 : 1;
        try {
            return Double.parseDouble(text.replaceAll("[^0-9.]", "")) * scale;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
