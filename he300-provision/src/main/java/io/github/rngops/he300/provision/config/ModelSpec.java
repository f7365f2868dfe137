package io.github.rngops.he300.provision.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of the registry.
 *
 * @param name the registry's name, as {@code install.yaml} refers to it ({@code llama-3.2-3B-instruct})
 * @param ollamaName the default tag (its {@link Quantization#Q4_K_M} one in the shipped registry)
 * @param huggingFaceId the same model's Hugging Face id ({@code meta-llama/Llama-3.2-3B-Instruct}), which vLLM
 *     serves; empty: not offered with {@code services.inference: vllm}
 * @param contextLength the context window the stack is configured for, in tokens
 * @param recommendedGpuMemoryGb GPU (or unified) memory the default quantization needs, in GB
 * @param quantizations the tag of each quantization offered (in order)
 */
public record ModelSpec(String name, OllamaTag ollamaName, Optional<String> huggingFaceId, int contextLength, double recommendedGpuMemoryGb,
                        Map<Quantization, OllamaTag> quantizations) {
    /**
     * Refuses a null component (a {@code NullPointerException} naming it), and copies the maps.
     *
     * @param name the registry's name, as {@code install.yaml} refers to it ({@code llama-3.2-3B-instruct})
     * @param ollamaName the default tag (its {@link Quantization#Q4_K_M} one in the shipped registry)
     * @param huggingFaceId the Hugging Face id vLLM serves; empty: not offered with vLLM
     * @param contextLength the context window the stack is configured for, in tokens
     * @param recommendedGpuMemoryGb GPU (or unified) memory the default quantization needs, in GB
     * @param quantizations the tag of each quantization offered (in order)
     */
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ollamaName, "ollamaName");
        Objects.requireNonNull(huggingFaceId, "huggingFaceId");
        quantizations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quantizations));
    }

    /**
     * {@return the tag of {@code quantization}, if this model is offered in it}
     *
     * @param quantization the quantization wanted
     */
    public Optional<OllamaTag> tag(Quantization quantization) {
        return Optional.ofNullable(quantizations.get(quantization));
    }
}
