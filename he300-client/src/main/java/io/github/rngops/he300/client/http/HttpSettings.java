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

        public Builder connectTimeout(Duration value) {
            connectTimeout = Durations.requirePositive("connectTimeout", value);
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = Durations.requirePositive("readTimeout", value);
            return this;
        }

        public Builder callTimeout(Duration value) {
            callTimeout = Durations.requirePositive("callTimeout", value);
            return this;
        }

        /** Requests in flight to one host; raises {@code maxRequests} to match when it is lower. */
        public Builder maxRequestsPerHost(int value) {
            maxRequestsPerHost = requireRange("maxRequestsPerHost", value);
            maxRequests = Math.max(maxRequests, value);
            return this;
        }

        public Builder maxRequests(int value) {
            maxRequests = requireRange("maxRequests", value);
            return this;
        }

        /** Trust the CA certificates in this PEM file as well as the JDK's. */
        public Builder caBundle(Path pemFile) {
            Objects.requireNonNull(pemFile, "caBundle");
            if (!Files.isReadable(pemFile)) {
                throw new IllegalArgumentException("caBundle must be a readable PEM file, was " + pemFile);
            }
            caBundle = pemFile;
            return this;
        }

        public Builder retry(RetrySettings value) {
            retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        public Builder circuitBreaker(CircuitBreakerSettings value) {
            circuitBreaker = Objects.requireNonNull(value, "circuitBreaker");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

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
