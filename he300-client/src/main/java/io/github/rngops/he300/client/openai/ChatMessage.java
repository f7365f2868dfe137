package io.github.rngops.he300.client.openai;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.TextOnly;
import java.util.Objects;

/** One chat message; {@code role} is {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, @JsonDeserialize(using = TextOnly.class) String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
