package io.github.rngops.he300.client.http;

import java.time.Duration;

/**
 * When and how often a failed call is tried again. Retried: connection failures, timeouts, 429, 502, 503, 504, 529,
 * and the 500s Ollama sends when its runner process died or is restarting (for {@link Idempotency#NONE} requests only
 * failures to connect). The wait before attempt {@code n+1} is
 * {@code initialBackoff × multiplier^(n-1)}, capped at {@code maxBackoff}, with up to {@code jitter} of it drawn at
 * random; a {@code Retry-After} header replaces it, capped at {@code maxRetryAfter}. No retry starts that would end
 * after {@code maxTotalTime} from the first attempt.
 *
 * @param maxAttempts attempts in all, 1 = no retry
 * @param initialBackoff wait before the second attempt
 * @param multiplier growth of the wait per attempt, ≥ 1
 * @param maxBackoff largest computed wait
 * @param jitter fraction of each computed wait drawn at random, 0..1 (0.5: wait is 50–100 % of the computed one)
 * @param maxRetryAfter largest wait a server's {@code Retry-After} may impose
 * @param maxTotalTime bound on the whole call, retries and waits included
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                            double jitter, Duration maxRetryAfter, Duration maxTotalTime) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param maxAttempts attempts in all, 1 = no retry
     * @param initialBackoff wait before the second attempt
     * @param multiplier growth of the wait per attempt, ≥ 1
     * @param maxBackoff largest computed wait
     * @param jitter fraction of each computed wait drawn at random, 0..1 (0.5: wait is 50–100 % of the computed one)
     * @param maxRetryAfter largest wait a server's {@code Retry-After} may impose
     * @param maxTotalTime bound on the whole call, retries and waits included
     */
    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("retry maxAttempts must be 1..100, was " + maxAttempts);
        }
        Durations.requireNonNegative("retry initialBackoff", initialBackoff);
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new IllegalArgumentException("retry multiplier must be 1..10, was " + multiplier);
        }
        Durations.requireNonNegative("retry maxBackoff", maxBackoff);
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("retry jitter must be 0..1, was " + jitter);
        }
        Durations.requireNonNegative("retry maxRetryAfter", maxRetryAfter);
        Durations.requirePositive("retry maxTotalTime", maxTotalTime);
    }

    /**
     * {@return 4 attempts, 500 ms doubling to at most 30 s, jitter 0.5, {@code Retry-After} up to 2 min, 5 min in
     * all}
     */
    public static RetrySettings ofDefaults() {
        return new RetrySettings(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), 0.5,
                Duration.ofMinutes(2), Duration.ofMinutes(5));
    }

    /** {@return one attempt, never retried} */
    public static RetrySettings none() {
        return ofDefaults().toBuilder().maxAttempts(1).build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return ofDefaults().toBuilder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link RetrySettings}; each setter checks its value when {@link #build()} runs. */
    public static final class Builder {
        private int maxAttempts;
        private Duration initialBackoff;
        private double multiplier;
        private Duration maxBackoff;
        private double jitter;
        private Duration maxRetryAfter;
        private Duration maxTotalTime;

        private Builder(RetrySettings s) {
            maxAttempts = s.maxAttempts;
            initialBackoff = s.initialBackoff;
            multiplier = s.multiplier;
            maxBackoff = s.maxBackoff;
            jitter = s.jitter;
            maxRetryAfter = s.maxRetryAfter;
            maxTotalTime = s.maxTotalTime;
        }

        /**
         * Sets the attempts in all; 4 by default.
         *
         * @param value 1 (no retry) to 100
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /**
         * Sets the wait before the second attempt; 500 ms by default.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder initialBackoff(Duration value) {
            initialBackoff = value;
            return this;
        }

        /**
         * Sets the growth of the wait per attempt; 2 by default.
         *
         * @param value 1 (the same wait each time) to 10
         * @return this builder
         */
        public Builder multiplier(double value) {
            multiplier = value;
            return this;
        }

        /**
         * Sets the largest computed wait; 30 s by default.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder maxBackoff(Duration value) {
            maxBackoff = value;
            return this;
        }

        /**
         * Sets the fraction of each computed wait drawn at random, so that many clients do not retry in step; 0.5 by
         * default.
         *
         * @param value 0 (no jitter) to 1
         * @return this builder
         */
        public Builder jitter(double value) {
            jitter = value;
            return this;
        }

        /**
         * Sets the largest wait a server's {@code Retry-After} may impose; 2 min by default. A longer one is cut to it.
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder maxRetryAfter(Duration value) {
            maxRetryAfter = value;
            return this;
        }

        /**
         * Sets the bound on the whole call, retries and waits included; 5 min by default. No retry starts that would
         * end after it.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxTotalTime(Duration value) {

            maxTotalTime = value;
            return this;
        }

        /** {@return the {@link RetrySettings} these settings describe} */
        public RetrySettings build() {
            return new RetrySettings(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, maxRetryAfter,
                    maxTotalTime);
        }
    }
}
