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

    public TargetException(ErrorKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public TargetException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return why the batch failed} */
    public ErrorKind kind() {
        return kind;
    }
}
