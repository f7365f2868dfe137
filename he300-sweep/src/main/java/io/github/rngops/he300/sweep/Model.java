package io.github.rngops.he300.sweep;

import java.util.List;
import java.util.Objects;

/**
 * A model a sweep runs, as its servers name it.
 *
 * @param name the model ({@code llama3.2:3b-instruct-q4_K_M} on Ollama, {@code Qwen/Qwen2.5-7B-Instruct} on vLLM)
 * @param quantization what it is quantized to ({@code Q4_K_M}), for the leaderboard; null when not said
 * @param hosts the hosts that may serve it; empty for every host of the sweep
 */
public record Model(String name, String quantization, List<String> hosts) {

    /**
     * Checks the name; a blank quantization becomes null, the hosts are copied.
     *
     * @param name the model as its servers name it: non-blank, no spaces
     * @param quantization what it is quantized to; null or blank when not said
     * @param hosts the hosts that may serve it, by name; empty for every host of the sweep
     * @throws IllegalArgumentException if the name is blank or holds spaces
     */
    public Model {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a model name is non-blank without spaces, was '" + name + "'");
        }
        quantization = quantization == null || quantization.isBlank() ? null : quantization.strip();
        hosts = List.copyOf(hosts);
    }

    /**
     * {@return a model every host may serve, quantization not said}
     *
     * @param name the model as its servers name it, like {@code llama3.2:3b}
     * @throws IllegalArgumentException if the name is blank or holds spaces
     */
    public static Model of(String name) {
        return new Model(name, null, List.of());
    }

    /** Whether {@code host} may serve it. */
    boolean servedOn(String host) {
        return hosts.isEmpty() || hosts.contains(host);
    }

    /** {@code name} or {@code name (Q4_K_M)}. */
    String label() {
        return quantization == null ? name : name + " (" + quantization + ")";
    }
}
