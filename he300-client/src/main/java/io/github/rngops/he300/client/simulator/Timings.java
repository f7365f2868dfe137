package io.github.rngops.he300.client.simulator;

import java.time.Duration;

/**
 * The durations an answer reports, in nanoseconds as Ollama's: the time the generation took (at least the drawn
 * latency, so a test sleeper that does not sleep still gets plausible numbers), three tenths counted as prompt
 * evaluation and the rest as evaluation; never zero, so tokens per second stay finite.
 */
record Timings(long loadNanos, long promptEvalNanos, long evalNanos) {

    private static final long LOAD_NANOS = 150_000;
    private static final long MINIMUM = 1_000;

    static Timings of(long elapsedNanos, Duration latency) {
        long generation = Math.max(elapsedNanos, latency.toNanos());
        long promptEval = Math.max(generation * 3 / 10, MINIMUM);
        long eval = Math.max(generation - promptEval, MINIMUM);
        return new Timings(LOAD_NANOS, promptEval, eval);
    }

    long totalNanos() {
        return loadNanos + promptEvalNanos + evalNanos;
    }
}
