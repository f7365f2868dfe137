package io.github.rngops.he300.provision.plan;

import java.util.List;

/**
 * One step of an install: a read-only {@link #check}, an {@link #apply} that makes the check pass, and a verify that
 * is the check again on fresh facts. Checks must be precise, so that a second run finds every step {@code ok}.
 */
public interface Step {

    /** {@return the name {@code --from-step} takes: {@code docker}, {@code driver}, {@code stack-files}..} */
    String name();

    /** Looks, changes nothing. Dry runs call only this and {@link #plan}. */
    Check check(Host host);

    /** {@return what {@link #apply} would do, for a dry run} */
    List<Planned> plan(Host host);

    /** Makes the check pass; a failing command throws {@link io.github.rngops.he300.core.command.CommandException}. */
    Applied apply(Host host);

    /** {@return whether {@link #apply} changes the host ({@code false} for gates that only wait or measure)} */
    default boolean changesHost() {
        return true;
    }

    /** {@return whether the host facts must be gathered again after {@link #apply}, before verifying} */
    default boolean refreshesFacts() {
        return false;
    }
}
