package io.github.rngops.he300.client.ollama;

import java.util.OptionalDouble;

/**
 * One line of {@code POST /api/pull}: {@code pulling manifest}, {@code pulling <digest>} with sizes, {@code verifying
 * sha256 digest}, {@code writing manifest}, {@code success}. {@code total} and {@code completed} may be null.
 */
public record PullProgress(String status, String digest, Long total, Long completed) {

    /** Fraction of this layer done, 0..1, when the sizes are known. */
    public OptionalDouble fraction() {
        return total == null || total <= 0 || completed == null ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, (double) completed / total));
    }

    public boolean isSuccess() {
        return "success".equals(status);
    }
}
