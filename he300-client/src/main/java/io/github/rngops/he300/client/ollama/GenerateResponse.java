package io.github.rngops.he300.client.ollama;

/** The answer of {@code POST /api/generate}; durations in nanoseconds. */
public record GenerateResponse(String model, String createdAt, String response, boolean done, String doneReason,
                               Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration,
                               Long evalCount, Long evalDuration) implements Timings {
}
