package io.github.rngops.he300.client.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How a client talks HTTP: timeouts, parallelism, trust, retry, circuit breaking, and the clock, sleeper and random
 * source those use (injected so tests neither wait nor guess).
 *
 * @param connectTimeout to open a connection (TCP and TLS)
 * @param readTimeout longest silence while reading an answer
 * @param callTimeout whole-attempt deadline: connect, send, wait and read (OkHttp {@code callTimeout}); streams
 *                    have none and rely on their stall timeout instead
 * @param maxRequests requests in flight at once, all hosts
 * @param maxRequestsPerHost requests in flight at once to one host; the connection pool keeps as many idle
 * @param caBundle a PEM file of extra CA certificates trusted in addition to the JDK's, or null; verification of
 *                 the certificate and host name is always on
 * @param retry when to try again
 * @param circuitBreaker when to stop trying
 * @param clock for {@code Retry-After} dates and the total retry time
 * @param sleeper waits between retries
 * @param random draws the jitter
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxRequests,
                           int maxRequestsPerHost, Path caBundle, RetrySettings retry,
                           CircuitBreakerSettings circuitBreaker, Clock clock, Sleeper sleeper, Random random) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param connectTimeout to open a connection (TCP and TLS); positive
     * @param readTimeout longest silence while reading an answer; positive
     * @param callTimeout whole-attempt deadline; positive
     * @param maxRequests requests in flight at once, all hosts, 1 to 10,000
     * @param maxRequestsPerHost requests in flight at once to one host, 1 to 10,000
     * @param caBundle a PEM file of extra CA certificates, or null for the JDK's only
     * @param retry when to try again; not null
     * @param circuitBreaker when to stop trying; not null
     * @param clock for {@code Retry-After} dates and the total retry time; not null
     * @param sleeper waits between retries; not null
     * @param random draws the jitter; not null, shared by all calls of a client (so thread-safe)
     * @throws IllegalArgumentException when a duration is not positive or a count is out of range
     */
    public HttpSettings {
        Durations.requirePositive("connectTimeout", connectTimeout);
        Durations.requirePositive("readTimeout", readTimeout);
        Durations.requirePositive("callTimeout", callTimeout);
        requireRange("maxRequests", maxRequests);
        requireRange("maxRequestsPerHost", maxRequestsPerHost);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /**
     * Connect 10 s, read 5 min, whole attempt 10 min (a long generation on a slow GPU fits), 128 requests in flight
     * (64 per host), no extra CA, {@link RetrySettings#ofDefaults()}, {@link CircuitBreakerSettings#ofDefaults()}.
     *
     * @return the defaults, with the system UTC clock, real sleeping and an unseeded random
     */
    public static HttpSettings ofDefaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10), 128, 64,
                null, RetrySettings.ofDefaults(), CircuitBreakerSettings.ofDefaults(), Clock.systemUTC(),
                Sleeper.system(), new Random());
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return ofDefaults().toBuilder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static int requireRange(String setting, int value) {
        if (value < 1 || value > 10_000) {
            throw new IllegalArgumentException(setting + " must be 1..10000, was " + value);
        }
        return value;
    }

    /** Builds {@link HttpSettings}; each method checks its argument at once. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private int maxRequests;
        private int maxRequestsPerHost;
        private Path caBundle;
        private RetrySettings retry;
        private CircuitBreakerSettings circuitBreaker;
        private Clock clock;
        private Sleeper sleeper;
        private Random random;

        private Builder(HttpSettings s) {
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
            callTimeout = s.callTimeout;
            maxRequests = s.maxRequests;
            maxRequestsPerHost = s.maxRequestsPerHost;
            caBundle = s.caBundle;
            retry = s.retry;
            circuitBreaker = s.circuitBreaker;
            clock = s.clock;
            sleeper = s.sleeper;
            random = s.random;
        }

        /**
         * Sets how long opening a connection (TCP and TLS) may take; 10 s by default.
         *
         * @param value positive
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Durations.requirePositive("connectTimeout", value);
            return this;
        }

        /**
         * Sets the longest silence while reading an answer (a server thinking before its first byte); 5 min by default.
         *
         * @param value positive
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            readTimeout = Durations.requirePositive("readTimeout", value);
            return this;
        }

        /**
         * Sets the deadline of one whole attempt (connect, send, wait, read); 10 min by default. Streams have none.
         *
         * @param value positive
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            callTimeout = Durations.requirePositive("callTimeout", value);
            return this;
        }

        /**
         * Sets the requests in flight to one host (64 by default); raises {@code maxRequests} to match when it is lower.
         *
         * @param value 1 to 10,000; the connection pool keeps as many idle connections
         * @return this builder
         */
        public Builder maxRequestsPerHost(int value) {
            maxRequestsPerHost = requireRange("maxRequestsPerHost", value);
            maxRequests = Math.max(maxRequests, value);
            return this;
        }

        /**
         * Sets the requests in flight at once to all hosts; 128 by default. {@link #build()} fails when it is below
         * {@code maxRequestsPerHost}.
         *
         * @param value 1 to 10,000
         * @return this builder
         */
        public Builder maxRequests(int value) {
            maxRequests = requireRange("maxRequests", value);
            return this;
        }

        /**
         * Trusts the CA certificates in this PEM file as well as the JDK's (a private CA, a self-signed server).
         *
         * @param pemFile a readable PEM file; read when a client is built
         * @return this builder
         * @throws IllegalArgumentException when the file cannot be read
         */
        public Builder caBundle(Path pemFile) {
            Objects.requireNonNull(pemFile, "caBundle");
            if (!Files.isReadable(pemFile)) {
                throw new IllegalArgumentException("caBundle must be a readable PEM file, was " + pemFile);
            }
            caBundle = pemFile;
            return this;
        }

        /**
         * Sets when a failed attempt is tried again; {@link RetrySettings#ofDefaults()} by default.
         *
         * @param value not null; {@link RetrySettings#none()} for a single attempt
         * @return this builder
         */
        public Builder retry(RetrySettings value) {
            retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        /**
         * Sets when calls to a failing server stop for a while; {@link CircuitBreakerSettings#ofDefaults()} by default.
         *
         * @param value not null; {@link CircuitBreakerSettings#disabled()} for never
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerSettings value) {
            circuitBreaker = Objects.requireNonNull(value, "circuitBreaker");
            return this;
        }

        /**
         * Sets the clock for {@code Retry-After} dates, the total retry time and job deadlines; UTC system clock by
         * default.
         *
         * @param value not null; tests pass a clock they move themselves
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how waits between retries (and between job polls) are slept; {@link Sleeper#system()} by default.
         *
         * @param value not null; tests pass one that records the wait and returns at once
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Sets the source of the retry jitter; an unseeded {@link Random} by default.
         *
         * @param value not null; seed it for reproducible waits
         * @return this builder
         */
        public Builder random(Random value) {

            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** {@return the {@link HttpSettings} these settings describe} */
        public HttpSettings build() {
            if (maxRequests < maxRequestsPerHost) {
                throw new IllegalArgumentException("maxRequests (" + maxRequests
                        + ") must be at least maxRequestsPerHost (" + maxRequestsPerHost + ")");
            }
            return new HttpSettings(connectTimeout, readTimeout, callTimeout, maxRequests, maxRequestsPerHost,
                    caBundle, retry, circuitBreaker, clock, sleeper, random);
        }
    }
}
