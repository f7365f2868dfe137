package io.github.rngops.he300.client.openai;

import java.util.List;

/**
 * {@code POST /v1/chat/completions}, not streamed. Send the sampling settings explicitly: vLLM otherwise applies the
 * model's own generation defaults. Null fields are left out.
 *
 * @param model model id as the server names it
 * @param messages the conversation
 * @param temperature 0..2, or null
 * @param maxTokens most tokens to generate, or null; sent as {@code max_tokens} or {@code max_completion_tokens}
 *                  as the client is configured
 * @param seed sampler seed, or null
 * @param stop stop sequences, or null
 */
public record ChatCompletionRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                                    Integer seed, List<String> stop) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param model model id as the server names it; not blank
     * @param messages the conversation; at least one message, copied
     * @param temperature 0..2, or null
     * @param maxTokens positive, or null
     * @param seed sampler seed, or null
     * @param stop stop sequences, or null
     * @throws IllegalArgumentException when the model is blank, there is no message, or a number is out of range
     */
    public ChatCompletionRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be the server's model id, was '" + model + "'");
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a chat completion needs at least one message");
        }
        messages = List.copyOf(messages);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be 0..2, was " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        stop = stop == null ? null : List.copyOf(stop);
    }

    /**
     * {@return a completion of these messages with no sampling settings (the server's, or the model's, apply)}
     *
     * @param model model id as the server names it; not blank
     * @param messages the conversation, oldest first; at least one
     */
    public static ChatCompletionRequest of(String model, ChatMessage... messages) {
        return new ChatCompletionRequest(model, List.of(messages), null, null, null, null);
    }

    /**
     * {@return this request with a sampling temperature}
     *
     * @param value 0 (greedy) to 2
     */
    public ChatCompletionRequest withTemperature(double value) {
        return new ChatCompletionRequest(model, messages, value, maxTokens, seed, stop);
    }

    /**
     * {@return this request with a limit on the tokens generated}
     *
     * @param value positive
     */
    public ChatCompletionRequest withMaxTokens(int value) {
        return new ChatCompletionRequest(model, messages, temperature, value, seed, stop);
    }

    /**
     * {@return this request with a sampler seed (honoured by vLLM and others; OpenAI calls it best effort)}
     *
     * @param value any number
     */
    public ChatCompletionRequest withSeed(int value) {
        return new ChatCompletionRequest(model, messages, temperature, maxTokens, value, stop);
    }

    /**
     * {@return this request with stop sequences}
     *
     * @param value the sequences, copied; null for none
     */
    public ChatCompletionRequest withStop(List<String> value) {

        return new ChatCompletionRequest(model, messages, temperature, maxTokens, seed, value);
    }
}
