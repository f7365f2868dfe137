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

    /**
     * {@return a chat of these messages, with the model's default options, no format and the server's keep-alive}
     *
     * @param model the model's name, e.g. {@code llama3.2:3b}; not blank
     * @param messages the conversation so far, oldest first; at least one
     * @throws IllegalArgumentException when the model is blank or there is no message
     */
    public static ChatRequest of(String model, Message... messages) {
        return new ChatRequest(model, List.of(messages), Options.none(), null, null);
    }

    /**
     * {@return this chat with other sampling settings}
     *
     * @param value the settings; null for {@link Options#none()}
     */
    public ChatRequest withOptions(Options value) {
        return new ChatRequest(model, messages, value, format, keepAlive);
    }

    /**
     * {@return this chat asking for structured output}
     *
     * @param value the text node {@code "json"} or a JSON schema, or null for free text
     */
    public ChatRequest withFormat(JsonNode value) {
        return new ChatRequest(model, messages, options, value, keepAlive);
    }

    /**
     * {@return this chat keeping the model loaded for a given time afterwards}
     *
     * @param value an Ollama duration ({@code "5m"}, {@code "-1"} for ever, {@code "0"} to unload at once), or null
     *              for the server's default
     */
    public ChatRequest withKeepAlive(String value) {

        return new ChatRequest(model, messages, options, format, value);
    }
}
