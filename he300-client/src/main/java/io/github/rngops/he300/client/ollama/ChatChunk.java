package io.github.rngops.he300.client.ollama;

/**
 * One line of a streamed chat: a piece of the assistant's message; the last one has {@code done} and the timings.
 */
public record ChatChunk(String model, String createdAt, Message message, boolean done, String doneReason,
                        Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration,
                        Long evalCount, Long evalDuration) implements Timings {

    /** {@return this chunk's text} */
    public String content() {
        return message == null ? "" : message.content();
    }
}
