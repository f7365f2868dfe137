package io.github.rngops.he300.client.ollama;

import java.time.Duration;
import java.util.OptionalDouble;

/** The counts and durations (nanoseconds) Ollama reports when a generation is done. Any of them may be null. */
public interface Timings {
    /** {@return the whole request's time in nanoseconds ({@code total_duration}), loading included; or null} */
    Long totalDuration();

    /** {@return the time spent loading the model in nanoseconds ({@code load_duration}); or null} */
    Long loadDuration();

    /** {@return the prompt's length in tokens ({@code prompt_eval_count}); or null} */
    Long promptEvalCount();

    /** {@return the time spent reading the prompt in nanoseconds ({@code prompt_eval_duration}); or null} */
    Long promptEvalDuration();

    /** {@return the tokens generated ({@code eval_count}); or null} */
    Long evalCount();

    /** {@return the time spent generating in nanoseconds ({@code eval_duration}); or null} */
    Long evalDuration();

    /**
     * {@return generated tokens per second: {@code eval_count / eval_duration × 1e9}; empty when either is missing}
     */

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
