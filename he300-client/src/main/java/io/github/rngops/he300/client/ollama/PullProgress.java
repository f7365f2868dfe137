package io.github.rngops.he300.client.ollama;

import java.util.OptionalDouble;

/**
 * One line of {@code POST /api/pull}: {@code pulling manifest}, {@code pulling <digest>} with sizes, {@code verifying
 * sha256 digest}, {@code writing manifest}, {@code success}. {@code total} and {@code completed} may be null.
 *
 * @param status what Ollama is doing, as it says it
 * @param digest the layer being pulled, or null
 * @param total the layer's size in bytes, or null
 * @param completed bytes of the layer pulled so far, or null
 */
public record PullProgress(String status, String digest, Long total, Long completed) {

    /** {@return the fraction of this layer done, 0..1, when the sizes are known; empty otherwise} */
    public OptionalDouble fraction() {
        return total == null || total <= 0 || completed == null ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, (double) completed / total));
    }

    /** {@return whether this is the last line of a pull that worked ({@code success})} */
    public boolean isSuccess() {

        return "success".equals(status);
    }
}
