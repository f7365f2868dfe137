package io.github.rngops.he300.client.http;

import okhttp3.Headers;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Random;
import java.util.Set;

/**
 * The retry rules of {@link RetrySettings}: which outcomes are worth another attempt, and how long to wait first.
 * resilience4j's {@code Retry} counts the attempts and calls these.
 */
final class RetryPolicy {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504, 529);

    private final RetrySettings settings;
    private final Clock clock;
    private final Random random;

    RetryPolicy(RetrySettings settings, Clock clock, Random random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    static boolean retryableStatus(int status) {
        return RETRYABLE_STATUS.contains(status);
    }

    /**
     * A failure is worth retrying when it is one of connect, timeout or broken connection (never TLS) and the request
     * either may be replayed or surely never reached the server.
     */
    static boolean retryableFailure(ClientException.Kind kind, boolean requestSent, Idempotency idempotency) {
        boolean transient_ = kind == ClientException.Kind.CONNECT || kind == ClientException.Kind.TIMEOUT
                || kind == ClientException.Kind.IO;
        if (!transient_ || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return idempotency == Idempotency.IDEMPOTENT || kind == ClientException.Kind.CONNECT || !requestSent;
    }

    /** Whether attempt {@code attempt} (1-based) may be followed by another that waits {@code wait}. */
    boolean mayRetry(int attempt, long startMillis, Duration wait) {
        if (attempt >= settings.maxAttempts()) {
            return false;
        }
        long endOfWait = clock.millis() + wait.toMillis();
        return endOfWait - startMillis <= settings.maxTotalTime().toMillis();
    }

    /** The wait after attempt {@code attempt}: the server's {@code Retry-After} (capped), else backoff with jitter. */
    Duration wait(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
        }
        double base = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), attempt - 1.0);
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double jittered = capped * (1.0 - settings.jitter() * random.nextDouble());
        return Duration.ofMillis(Math.round(jittered));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date, or null when absent or unreadable. */
    Duration retryAfter(Headers headers) {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? settings.maxRetryAfter() : Duration.ofSeconds(Long.parseLong(v));
        }
        Date date = headers.getDate("Retry-After");
        if (date == null) {
            return null;
        }
        Duration until = Duration.ofMillis(date.getTime() - clock.millis());
        return until.isNegative() ? Duration.ZERO : until;
    }
}
