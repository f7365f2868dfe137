package io.github.rngops.he300.client.ollama;

import java.time.Duration;
import java.util.OptionalDouble;

/** The counts and durations (nanoseconds) Ollama reports when a generation is done. Any of them may be null. */
public interface Timings {
    Long totalDuration();

    Long loadDuration();

    Long promptEvalCount();

    Long promptEvalDuration();

    Long evalCount();

    Long evalDuration();

    /** Generated tokens per second: {@code eval_count / eval_duration × 1e9}; empty when either is missing. */
    default OptionalDouble tokensPerSecond() {
        Long count = evalCount();
        Long nanos = evalDuration();
        return count == null || nanos == null || nanos <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(count * 1e9 / nanos);
    }

    /** {@return {@link #totalDuration()} as a Duration, zero when missing} */
    default Duration total() {
        return totalDuration() == null ? Duration.ZERO : Duration.ofNanos(totalDuration());
    }
}
