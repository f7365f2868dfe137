package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import java.util.Objects;

/**
 * A target could not evaluate a batch at all; every scenario of the batch without a reply fails with this kind and
 * message.
 */
public class TargetException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** Why the batch failed. */
    private final ErrorKind kind;
    /** Requests the batch took, retries included; at least 1. */
    private final int attempts;

    /**
     * A batch that failed after one request.
     *
     * @param kind why; not null
     * @param message what the target or server said, for a person
     */
    public TargetException(ErrorKind kind, String message) {
        this(kind, message, null, 1);
    }

    /**
     * A batch that failed after one request, with what caused it.
     *
     * @param kind why; not null
     * @param message what the target or server said, for a person
     * @param cause the failure underneath; may be null
     */
    public TargetException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, cause, 1);
    }

    /**
     * A batch that failed after {@code attempts} requests.
     *
     * @param kind why; not null
     * @param message what the target or server said, for a person
     * @param cause the failure underneath; may be null
     * @param attempts the requests the batch took before it failed, retries included (at least 1)
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public TargetException(ErrorKind kind, String message, Throwable cause, int attempts) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
    }

    /** {@return the requests the batch took, retries included: what each of its failed outcomes records} */
    public int attempts() {
        return attempts;
    }

    /** {@return why the batch failed} */
    public ErrorKind kind() {
        return kind;
    }
}
