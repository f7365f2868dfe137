package io.github.rngops.he300.core.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * The messages sent to a model for one scenario: an optional system prompt and the user message.
 *
 * @param system the system prompt, or null when none is sent
 * @param user the user message
 */
public record Prompt(String system, String user) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param system the system prompt, or null when none is sent
     * @param user the user message
     */
    public Prompt {
        Objects.requireNonNull(user, "user");
    }

    /**
     * {@return a prompt of one user message and no system prompt}
     *
     * @param user the user message; not null
     */
    public static Prompt ofUser(String user) {
        return new Prompt(null, user);
    }

    /** {@return the system prompt, if one is sent} */
    public Optional<String> systemPrompt() {
        return Optional.ofNullable(system);
    }
}
