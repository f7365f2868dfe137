package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.He300Exception;

/** A step found it cannot go on; {@link #next()} says what the operator should do. */
public final class PlanException extends He300Exception {
    private static final long serialVersionUID = 1L;

    private final String next;

    public PlanException(String message, String next) {
        super(message);
        this.next = next;
    }

    /** {@return what to do about it} */
    public String next() {
        return next;
    }
}
