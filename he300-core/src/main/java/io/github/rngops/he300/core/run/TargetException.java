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

    private final ErrorKind kind;
    private final int attempts;

    public TargetException(ErrorKind kind, String message) {
        this(kind, message, null, 1);
    }

    public TargetException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, cause, 1);
    }

    /** @param attempts the requests the batch took before it failed, retries included (at least 1) */
    public TargetException(ErrorKind kind, String message, Throwable cause, int attempts) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
    }

    /** The requests the batch took, retries included; what each of its failed outcomes records. */
    public int attempts() {
        return attempts;
    }

    /** {@return why the batch failed} */
    public ErrorKind kind() {
        return kind;
    }
}
