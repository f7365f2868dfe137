package io.github.rngops.he300.client.openai;

import java.util.List;

/**
 * The answer of {@code POST /v1/chat/completions}.
 *
 * @param id the server's id for the completion
 * @param model the model that answered, as the server names it
 * @param choices the candidate answers; the client asks for one
 * @param usage the token counts, or null when the server sent none
 */
public record ChatCompletion(String id, String model, List<Choice> choices, Usage usage) {

    /**
     * Copies the choices; a missing list is an empty one.
     *
     * @param id the server's id for the completion
     * @param model the model that answered
     * @param choices the candidate answers, or null for none
     * @param usage the token counts, or null
     */
    public ChatCompletion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * One candidate answer.
     *
     * @param index its place among the choices, from 0
     * @param message the answer's message, its content never coerced from a non-text value
     * @param finishReason {@code stop} (done), {@code length} (cut at the token limit), ...; or null
     */
    public record Choice(int index, ChatMessage message, String finishReason) {
    }

    /**
     * Token counts; any may be null.
     *
     * @param promptTokens tokens read
     * @param completionTokens tokens generated
     * @param totalTokens the two together
     */
    public record Usage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {

    }

    /** {@return the first choice's text, empty when there is none} */
    public String content() {
        return choices.isEmpty() || choices.get(0).message() == null ? "" : choices.get(0).message().content();
    }

    /** {@return the first choice's finish reason, or null} */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }
}
