package io.github.rngops.he300.client.http;

import java.util.Objects;

/**
 * An answer and the requests it took, retries included: what a caller records when it must say truthfully how hard
 * a server was to get an answer from (a benchmark's {@code attempts}).
 *
 * @param value the decoded answer
 * @param attempts requests sent, at least 1
 * @param <T> the answer's type
 */

public record Attempted<T>(T value, int attempts) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param value the decoded answer; not null
     * @param attempts requests sent, at least 1
     * @throws IllegalArgumentException when {@code attempts} is below 1
     */
    public Attempted {
        Objects.requireNonNull(value, "value");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }
}
