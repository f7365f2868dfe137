package io.github.rngops.he300.provision.plan;

import java.util.Objects;

/**
 * How {@link Step#apply} ended when it did not throw.
 *
 * @param detail what was done, one line
 * @param stop when not empty, the plan stops here on purpose (a reboot to announce) and this says what to do
 */
public record Applied(String detail, String stop) {
    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param detail what was done, one line
     * @param stop when not empty, the plan stops here on purpose (a reboot to announce) and this says what to do
     */
    public Applied {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(stop, "stop");
    }

    /**
     * {@return the step did what it had to; the plan verifies it and goes on}
     *
     * @param detail what was done, one line, never a secret
     */
    static Applied done(String detail) {
        return new Applied(detail, "");
    }

    /**
     * {@return the step changed the host, and nothing after it can run until the operator acts}
     *
     * @param detail what was done, one line
     * @param stop what the operator must do before running again ({@code reboot, then run the same command}); not
     *     empty
     */
    static Applied stop(String detail, String stop) {
        return new Applied(detail, stop);
    }
}
