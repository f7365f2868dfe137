package io.github.rngops.he300.client.http;

import okhttp3.Headers;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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

    /**
     * What Ollama answers, with a 500, when the runner process that holds the model died or is restarting (out of
     * memory, a crash): the next request loads a fresh runner, so it is worth another attempt. From ollama/ollama at
     * fb30760 (2026-08-21): {@code llm/llama_server.go} returns "llama-server process has terminated", "...process no
     * longer running", "model runner has unexpectedly stopped, this may be due to resource limitations..." and "an
     * error was encountered while running the model: unexpected EOF"; before 9db4bdb the runner was named "llama
     * runner process" ({@code llm/server.go}); {@code server/routes.go} sends any such error as 500
     * {@code {"error": "..."}}. Other 500s (a bad template, a broken model file) would fail again and are not retried.
     */
    private static final List<String> TRANSIENT_500 = List.of("runner process has terminated",
            "llama-server process has terminated", "process no longer running", "model runner has unexpectedly stopped",
            "an error was encountered while running the model");

    static boolean retryableStatus(int status, String body) {
        if (status == 500) {
            String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
            return TRANSIENT_500.stream().anyMatch(text::contains);
        }
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
