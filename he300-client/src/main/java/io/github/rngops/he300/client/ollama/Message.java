package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.internal.TextOnly;
import java.util.Objects;

/**
 * One chat message.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text; an answer whose content is not text is a protocol error, never coerced
 */
public record Message(String role, @JsonDeserialize(using = TextOnly.class) String content) {

    /**
     * Checks that both components are given.
     *
     * @param role {@code system}, {@code user} or {@code assistant}; not null
     * @param content the text; not null
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * {@return a system message: instructions that frame the conversation}
     *
     * @param content the text; not null
     */
    public static Message system(String content) {
        return new Message("system", content);
    }

    /**
     * {@return a user message: what the model is to answer}
     *
     * @param content the text; not null
     */
    public static Message user(String content) {
        return new Message("user", content);
    }

    /**
     * {@return an assistant message: an earlier answer of the model, for a conversation that goes on}
     *
     * @param content the text; not null
     */
    public static Message assistant(String content) {

        return new Message("assistant", content);
    }
}
