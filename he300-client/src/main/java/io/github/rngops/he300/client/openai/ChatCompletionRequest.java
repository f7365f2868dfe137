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

    public static ChatCompletionRequest of(String model, ChatMessage... messages) {
        return new ChatCompletionRequest(model, List.of(messages), null, null, null, null);
    }

    public ChatCompletionRequest withTemperature(double value) {
        return new ChatCompletionRequest(model, messages, value, maxTokens, seed, stop);
    }

    public ChatCompletionRequest withMaxTokens(int value) {
        return new ChatCompletionRequest(model, messages, temperature, value, seed, stop);
    }

    public ChatCompletionRequest withSeed(int value) {
        return new ChatCompletionRequest(model, messages, temperature, maxTokens, value, stop);
    }

    public ChatCompletionRequest withStop(List<String> value) {
        return new ChatCompletionRequest(model, messages, temperature, maxTokens, seed, value);
    }
}
