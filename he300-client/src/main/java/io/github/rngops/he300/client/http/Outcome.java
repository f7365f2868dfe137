package io.github.rngops.he300.client.http;

import okhttp3.Headers;
import okhttp3.Response;

import java.time.Duration;

/**
 * What one attempt got back from the server: a 2xx (read in full, or still open for a stream) or an error status,
 * with the retry decision already made. Failures to get any answer are {@link AttemptFailure}s instead.
 */
final class Outcome {
    final String label;
    final int attempt;
    final int status;
    final String reason;
    final Headers headers;
    final String body;
    final Response open;
    final Duration retryAfter;
    final boolean retry;
    final Duration wait;

    private Outcome(String label, int attempt, int status, String reason, Headers headers, String body, Response open,
                    Duration retryAfter, boolean retry, Duration wait) {
        this.label = label;
        this.attempt = attempt;
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.open = open;
        this.retryAfter = retryAfter;
        this.retry = retry;
        this.wait = wait;
    }

    static Outcome success(String label, int attempt, int status, Headers headers, String body) {
        return new Outcome(label, attempt, status, "", headers, body, null, null, false, Duration.ZERO);
    }

    static Outcome streaming(String label, int attempt, Response response) {
        return new Outcome(label, attempt, response.code(), "", response.headers(), "", response, null, false,
                Duration.ZERO);
    }

    static Outcome error(String label, int attempt, int status, String reason, Headers headers, String body, Duration retryAfter,
                         boolean retry, Duration wait) {
        return new Outcome(label, attempt, status, reason, headers, body, null, retryAfter, retry, wait);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** What the circuit breaker counts as the server failing. */
    boolean isServerFailure() {
        return status >= 500;
    }
}
