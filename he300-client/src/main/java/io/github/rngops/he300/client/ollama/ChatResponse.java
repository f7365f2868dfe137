package io.github.rngops.he300.client.ollama;

/** The answer of {@code POST /api/chat}; durations in nanoseconds. */
public record ChatResponse(String model, String createdAt, Message message, boolean done, String doneReason,
                           Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration,
                           Long evalCount, Long evalDuration) implements Timings {

    /** {@return the assistant's text} */
    public String content() {
        return message == null ? "" : message.content();
    }
}
