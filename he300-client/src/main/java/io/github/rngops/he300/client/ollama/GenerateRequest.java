package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * {@code POST /api/generate}, not streamed.
 *
 * @param model model name, e.g. {@code llama3.2:3b}
 * @param prompt the prompt
 * @param system system prompt, or null for the model's
 * @param options sampling settings (sent inside {@code "options"})
 * @param format {@code "json"} or a JSON schema as a node, or null
 * @param keepAlive how long the model stays loaded ({@code "5m"}, {@code "-1"}), or null
 */
public record GenerateRequest(String model, String prompt, String system, Options options, JsonNode format,
                              String keepAlive) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param model model name, e.g. {@code llama3.2:3b}
     * @param prompt the prompt
     * @param system system prompt, or null for the model's
     * @param options sampling settings (sent inside {@code "options"})
     * @param format {@code "json"} or a JSON schema as a node, or null
     * @param keepAlive how long the model stays loaded ({@code "5m"}, {@code "-1"}), or null
     */
    public GenerateRequest {
        OllamaClient.requireModel(model);
        Objects.requireNonNull(prompt, "prompt");
        options = options == null ? Options.none() : options;
    }

    /**
     * {@return a generation of this prompt, with the model's system prompt and default options}
     *
     * @param model the model's name, e.g. {@code llama3.2:3b}; not blank
     * @param prompt the prompt; not null
     * @throws IllegalArgumentException when the model is blank
     */
    public static GenerateRequest of(String model, String prompt) {
        return new GenerateRequest(model, prompt, null, Options.none(), null, null);
    }

    /**
     * {@return this generation with its own system prompt}
     *
     * @param value the system prompt, or null for the model's
     */
    public GenerateRequest withSystem(String value) {
        return new GenerateRequest(model, prompt, value, options, format, keepAlive);
    }

    /**
     * {@return this generation with other sampling settings}
     *
     * @param value the settings; null for {@link Options#none()}
     */
    public GenerateRequest withOptions(Options value) {
        return new GenerateRequest(model, prompt, system, value, format, keepAlive);
    }

    /**
     * {@return this generation asking for structured output}
     *
     * @param value the text node {@code "json"} or a JSON schema, or null for free text
     */
    public GenerateRequest withFormat(JsonNode value) {
        return new GenerateRequest(model, prompt, system, options, value, keepAlive);
    }

    /**
     * {@return this generation keeping the model loaded for a given time afterwards}
     *
     * @param value an Ollama duration ({@code "5m"}, {@code "-1"} for ever, {@code "0"} to unload at once), or null
     *              for the server's default
     */
    public GenerateRequest withKeepAlive(String value) {

        return new GenerateRequest(model, prompt, system, options, format, value);
    }
}
