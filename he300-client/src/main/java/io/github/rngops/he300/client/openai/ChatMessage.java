package io.github.rngops.he300.client.openai;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.internal.TextOnly;
import java.util.Objects;

/**
 * One chat message.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text; an answer whose content is not text is a protocol error, never coerced
 */
public record ChatMessage(String role, @JsonDeserialize(using = TextOnly.class) String content) {

    /**
     * Checks the role; a missing content is empty text (a server sends null content with a tool call).
     *
     * @param role {@code system}, {@code user} or {@code assistant}; not null
     * @param content the text, or null for empty
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    /**
     * {@return a system message: instructions that frame the conversation}
     *
     * @param content the text
     */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    /**
     * {@return a user message: what the model is to answer}
     *
     * @param content the text
     */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /**
     * {@return an assistant message: an earlier answer of the model, for a conversation that goes on}
     *
     * @param content the text
     */
    public static ChatMessage assistant(String content) {

        return new ChatMessage("assistant", content);
    }
}
