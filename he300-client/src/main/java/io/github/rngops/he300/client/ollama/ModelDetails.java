package io.github.rngops.he300.client.ollama;

import java.util.List;

/** {@code details} of a model: {@code gguf}, {@code llama}, {@code 3.2B}, {@code Q4_K_M}. */
public record ModelDetails(String format, String family, List<String> families, String parameterSize,
                           String quantizationLevel, String parentModel) {
}
