package io.github.rngops.he300.client.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * What a generation request asks, whichever API it came by.
 *
 * @param model the model named
 * @param prompt the text to find a scenario in; null for a load request (no prompt, no messages)
 * @param stream whether to stream the answer
 * @param options the options as logged
 * @param json whether the answer must be JSON ({@code format}, {@code response_format})
 * @param maxTokens the token limit, 0 for none
 */
record GenerationRequest(String model, String prompt, boolean stream, Map<String, Object> options, boolean json,
        int maxTokens) {

    GenerationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
    }

    boolean isLoad() {
        return prompt == null;
    }
}
