package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.He300Exception;

/** A step found it cannot go on; {@link #next()} says what the operator should do. */
public final class PlanException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** What the operator should do, one line. */
    private final String next;

    /**
     * Makes the exception a step throws when it cannot go on; the plan runner reports both texts.
     *
     * @param message what was found, one line, never a secret
     * @param next what the operator should do
     */
    PlanException(String message, String next) {
        super(message);
        this.next = next;
    }

    /** {@return what to do about it} */
    public String next() {
        return next;
    }
}
