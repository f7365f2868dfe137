package io.github.rngops.he300.client.http;

import java.time.Duration;

/**
 * When to stop calling a server that keeps failing. Failures are attempts that could not connect, timed out, broke,
 * or got a 5xx; 4xx and 429 are answers, not failures. Over the last {@code slidingWindowSize} attempts (once at
 * least {@code minimumCalls} were made), a failure rate of {@code failureRateThreshold} percent or more opens the
 * circuit for {@code openDuration}, then {@code halfOpenCalls} trial calls decide whether it closes again. A call made
 * while it is open is not sent but waits for it to close, and fails with {@link ClientException.Kind#CIRCUIT_OPEN}
 * only when that wait would pass the retry's {@code maxTotalTime}.
 *
 * @param enabled false: never open
 * @param failureRateThreshold percent, 1..100
 * @param slidingWindowSize attempts considered
 * @param minimumCalls attempts needed before the rate counts
 * @param openDuration how long it stays open
 * @param halfOpenCalls trial calls after that
 */
public record CircuitBreakerSettings(boolean enabled, float failureRateThreshold, int slidingWindowSize,
                                     int minimumCalls, Duration openDuration, int halfOpenCalls) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param enabled false: never open
     * @param failureRateThreshold percent, 1..100
     * @param slidingWindowSize attempts considered
     * @param minimumCalls attempts needed before the rate counts
     * @param openDuration how long it stays open
     * @param halfOpenCalls trial calls after that
     */
    public CircuitBreakerSettings {
        if (!(failureRateThreshold >= 1 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException("circuit breaker failureRateThreshold must be 1..100 (percent), was "
                    + failureRateThreshold);
        }
        if (slidingWindowSize < 1) {
            throw new IllegalArgumentException("circuit breaker slidingWindowSize must be ≥ 1, was "
                    + slidingWindowSize);
        }
        if (minimumCalls < 1 || minimumCalls > slidingWindowSize) {
            throw new IllegalArgumentException("circuit breaker minimumCalls must be 1.." + slidingWindowSize
                    + " (the window), was " + minimumCalls);
        }
        Durations.requirePositive("circuit breaker openDuration", openDuration);
        if (halfOpenCalls < 1) {
            throw new IllegalArgumentException("circuit breaker halfOpenCalls must be ≥ 1, was " + halfOpenCalls);
        }
    }

    /**
     * {@return a breaker that opens at 50 % failures over the last 20 attempts (10 at least), for 30 s, then 3 trial
     * calls}
     */
    public static CircuitBreakerSettings ofDefaults() {
        return new CircuitBreakerSettings(true, 50f, 20, 10, Duration.ofSeconds(30), 3);
    }

    /** {@return a breaker that never opens: every call is sent, however the server fares} */
    public static CircuitBreakerSettings disabled() {
        return ofDefaults().toBuilder().enabled(false).build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return ofDefaults().toBuilder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link CircuitBreakerSettings}; values are checked when {@link #build()} runs. */
    public static final class Builder {
        private boolean enabled;
        private float failureRateThreshold;
        private int slidingWindowSize;
        private int minimumCalls;
        private Duration openDuration;
        private int halfOpenCalls;

        private Builder(CircuitBreakerSettings s) {
            enabled = s.enabled;
            failureRateThreshold = s.failureRateThreshold;
            slidingWindowSize = s.slidingWindowSize;
            minimumCalls = s.minimumCalls;
            openDuration = s.openDuration;
            halfOpenCalls = s.halfOpenCalls;
        }

        /**
         * Sets whether the breaker can open at all; true by default.
         *
         * @param value false: never open
         * @return this builder
         */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /**
         * Sets the failure rate that opens the breaker; 50 by default.
         *
         * @param percent 1 to 100
         * @return this builder
         */
        public Builder failureRateThreshold(float percent) {
            failureRateThreshold = percent;
            return this;
        }

        /**
         * Sets how many of the last attempts the rate is computed over; 20 by default.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder slidingWindowSize(int value) {
            slidingWindowSize = value;
            return this;
        }

        /**
         * Sets how many attempts must have been made before the rate counts; 10 by default.
         *
         * @param value 1 to the window size
         * @return this builder
         */
        public Builder minimumCalls(int value) {
            minimumCalls = value;
            return this;
        }

        /**
         * Sets how long the breaker stays open before trial calls; 30 s by default.
         *
         * @param value positive
         * @return this builder
         */
        public Builder openDuration(Duration value) {
            openDuration = value;
            return this;
        }

        /**
         * Sets how many trial calls decide whether the breaker closes again; 3 by default.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder halfOpenCalls(int value) {

            halfOpenCalls = value;
            return this;
        }

        /** {@return the {@link CircuitBreakerSettings} these settings describe} */
        public CircuitBreakerSettings build() {
            return new CircuitBreakerSettings(enabled, failureRateThreshold, slidingWindowSize, minimumCalls,
                    openDuration, halfOpenCalls);
        }
    }
}
