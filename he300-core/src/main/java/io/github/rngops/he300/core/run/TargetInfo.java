package io.github.rngops.he300.core.run;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a target says about itself, for the result's environment. Unknown facts are null.
 *
 * @param kind {@code ollama}, {@code openai}, {@code ethicsengine}, {@code cirisnode}, {@code simulate}, ...
 * @param url the server's base URL; credentials in it are removed before it is recorded
 * @param serverVersion as the server reports it
 * @param modelDigest the model's digest, e.g. Ollama's sha256
 * @param quantization e.g. {@code Q4_K_M}
 * @param simulated true when the answers come from the simulator or a fake, not a model
 * @param details anything else worth recording (GPU, parameter size), sorted by key
 */
public record TargetInfo(String kind, String url, String serverVersion, String modelDigest, String quantization,
        boolean simulated, Map<String, String> details) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param kind {@code ollama}, {@code openai}, {@code ethicsengine}, {@code cirisnode}, {@code simulate}, ...
     * @param url the server's base URL; credentials in it are removed before it is recorded
     * @param serverVersion as the server reports it
     * @param modelDigest the model's digest, e.g. Ollama's sha256
     * @param quantization e.g. {@code Q4_K_M}
     * @param simulated true when the answers come from the simulator or a fake, not a model
     * @param details anything else worth recording (GPU, parameter size), sorted by key
     */
    public TargetInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        url = RedactedUrl.of(url);
        details = sortedCopy(details);
    }

    /**
     * An unmodifiable copy in key order. Not {@code Map.copyOf}, whose order changes from one JVM to the next: the
     * manifest and the result list details in this order, and the same run must write the same files.
     */
    static Map<String, String> sortedCopy(Map<String, String> details) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(details)));
    }

    /**
     * {@return a target of {@code kind} at {@code url}, nothing else known}
     *
     * @param kind {@code ollama}, {@code openai}, ...; not null
     * @param url the server's base URL; credentials in it are removed
     */
    public static TargetInfo of(String kind, String url) {
        return new TargetInfo(kind, url, null, null, null, false, Map.of());
    }

    /**
     * {@return this description with the server's version}
     *
     * @param serverVersion as the server reports it, or null
     */
    public TargetInfo withServerVersion(String serverVersion) {
        return new TargetInfo(kind, url, serverVersion, modelDigest, quantization, simulated, details);
    }

    /**
     * {@return this description with the model's digest and quantization}
     *
     * @param modelDigest the model's digest, or null
     * @param quantization e.g. {@code Q4_K_M}, or null
     */
    public TargetInfo withModel(String modelDigest, String quantization) {
        return new TargetInfo(kind, url, serverVersion, modelDigest, quantization, simulated, details);
    }

    /**
     * {@return this description, marked as simulated or not}
     *
     * @param simulated true when the answers do not come from a model
     */
    public TargetInfo withSimulated(boolean simulated) {
        return new TargetInfo(kind, url, serverVersion, modelDigest, quantization, simulated, details);
    }

    /**
     * {@return this description with {@code details} in place of the ones it had}
     *
     * @param details anything else worth recording; copied and sorted by key
     */
    public TargetInfo withDetails(Map<String, String> details) {
        return new TargetInfo(kind, url, serverVersion, modelDigest, quantization, simulated, details);
    }
}
