package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.TextOnly;
import java.util.Objects;

/** One chat message; {@code role} is {@code system}, {@code user} or {@code assistant}. */
public record Message(String role, @JsonDeserialize(using = TextOnly.class) String content) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message system(String content) {
        return new Message("system", content);
    }

    public static Message user(String content) {
        return new Message("user", content);
    }

    public static Message assistant(String content) {
        return new Message("assistant", content);
    }
}
