package io.github.rngops.he300.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The model and the generation options of a run, sent with every request and recorded in the result. Option names
 * are the target's (Ollama's {@code num_predict}, OpenAI's {@code max_tokens}); values are JSON values: strings,
 * numbers, booleans, lists of them.
 *
 * @param model the model as the target names it, e.g. {@code llama3.2}
 * @param options in the order given
 */
public record GenerationSettings(String model, Map<String, Object> options) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param model the model as the target names it, e.g. {@code llama3.2}
     * @param options in the order given
     */
    public GenerationSettings {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * {@return {@code model} with no options: the target's defaults}
     *
     * @param model the model as the target names it; not blank
     * @throws IllegalArgumentException if it is blank
     */
    public static GenerationSettings of(String model) {
        return new GenerationSettings(model, Map.of());
    }

    /**
     * {@return {@code model} with {@code options}, copied in their order}
     *
     * @param model the model as the target names it; not blank
     * @param options option names as the target spells them, with JSON values
     * @throws IllegalArgumentException if the model is blank
     */
    public static GenerationSettings of(String model, Map<String, Object> options) {
        return new GenerationSettings(model, options);
    }
}
