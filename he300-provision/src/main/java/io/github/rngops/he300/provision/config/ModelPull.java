package io.github.rngops.he300.provision.config;

import java.util.Objects;

/**
 * A model to pull, resolved against the registry.
 *
 * @param model the registry's name ({@code llama-3.1-8B-instruct})
 * @param quantization the quantization chosen
 * @param tag what {@code ollama pull} gets ({@code llama3.1:8b-instruct-q4_K_M})
 */
public record ModelPull(String model, Quantization quantization, OllamaTag tag) {
    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param model the registry's name ({@code llama-3.1-8B-instruct})
     * @param quantization the quantization chosen
     * @param tag what {@code ollama pull} gets ({@code llama3.1:8b-instruct-q4_K_M})
     */
    public ModelPull {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String toString() {
        return model + " " + quantization + " (" + tag + ")";
    }
}
