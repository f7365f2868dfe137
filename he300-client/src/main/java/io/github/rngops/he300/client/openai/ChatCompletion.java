package io.github.rngops.he300.client.openai;

import java.util.List;

/** The answer of {@code POST /v1/chat/completions}. {@code usage} may be null. */
public record ChatCompletion(String id, String model, List<Choice> choices, Usage usage) {

    public ChatCompletion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** One candidate answer; {@code finishReason} is {@code stop}, {@code length}, ... */
    public record Choice(int index, ChatMessage message, String finishReason) {
    }

    /** Token counts; any may be null. */
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
