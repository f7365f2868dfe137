package io.github.rngops.he300.provision.plan;

import java.util.Objects;

/**
 * What a step's read-only check found.
 *
 * @param state whether there is something to do
 * @param detail what was seen, one line, never a secret
 * @param next for {@link State#FAILED}: what the operator should do; else empty
 */
public record Check(State state, String detail, String next) {
    /** The outcomes of a check. */
    public enum State {
        /** Nothing to do. */
        OK,
        /** {@link Step#apply} would change the host. */
        NEEDED,
        /** Not applicable to this host or config. */
        SKIPPED,
        /** Cannot go on; {@link Check#next()} says what to do. */
        FAILED
    }

    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param state whether there is something to do
     * @param detail what was seen, one line, never a secret
     * @param next for {@link State#FAILED}: what the operator should do; else empty
     */
    public Check {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(next, "next");
    }

    /**
     * {@return nothing to do}
     *
     * @param detail what was seen, one line, never a secret
     */
    static Check ok(String detail) {
        return new Check(State.OK, detail, "");
    }

    /**
     * {@return the step's apply would change the host}
     *
     * @param detail what is missing or different, one line, never a secret
     */
    static Check needed(String detail) {
        return new Check(State.NEEDED, detail, "");
    }

    /**
     * {@return the step does not apply to this host or config}
     *
     * @param why why not, one line
     */
    static Check skipped(String why) {
        return new Check(State.SKIPPED, why, "");
    }

    /**
     * {@return the plan cannot go on: the step saw something it cannot fix}
     *
     * @param detail what was seen, one line, never a secret
     * @param next what the operator should do
     */
    static Check failed(String detail, String next) {
        return new Check(State.FAILED, detail, next);
    }
}
