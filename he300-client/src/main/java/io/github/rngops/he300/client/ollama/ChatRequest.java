package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code POST /api/chat}.
 *
 * @param model model name
 * @param messages the conversation so far
 * @param options sampling settings (sent inside {@code "options"})
 * @param format {@code "json"} or a JSON schema as a node, or null
 * @param keepAlive how long the model stays loaded, or null
 */
public record ChatRequest(String model, List<Message> messages, Options options, JsonNode format,
                          String keepAlive) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param model model name
     * @param messages the conversation so far
     * @param options sampling settings (sent inside {@code "options"})
     * @param format {@code "json"} or a JSON schema as a node, or null
     * @param keepAlive how long the model stays loaded, or null
     */
    public ChatRequest {
        OllamaClient.requireModel(model);
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a chat needs at least one message");
        }
        messages = List.copyOf(messages);
        options = options == null ? Options.none() : options;
    }

    public static ChatRequest of(String model, Message... messages) {
        return new ChatRequest(model, List.of(messages), Options.none(), null, null);
    }

    public ChatRequest withOptions(Options value) {
        return new ChatRequest(model, messages, value, format, keepAlive);
    }

    public ChatRequest withFormat(JsonNode value) {
        return new ChatRequest(model, messages, options, value, keepAlive);
    }

    public ChatRequest withKeepAlive(String value) {
        return new ChatRequest(model, messages, options, format, value);
    }
}
