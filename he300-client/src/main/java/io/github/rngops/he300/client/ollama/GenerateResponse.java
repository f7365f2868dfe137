package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.internal.TextOnly;

/** The answer of {@code POST /api/generate}; durations in nanoseconds. */
public record GenerateResponse(String model, String createdAt, @JsonDeserialize(using = TextOnly.class) String response,
                               boolean done, String doneReason,
                               Long totalDuration, Long loadDuration, Long promptEvalCount, Long promptEvalDuration,
                               Long evalCount, Long evalDuration) implements Timings {
}
