package io.github.rngops.he300.provision.plan;

import java.util.List;

/**
 * One step of an install: a read-only {@link #check}, an {@link #apply} that makes the check pass, and a verify that
 * is the check again on fresh facts. Checks must be precise, so that a second run finds every step {@code ok}.
 *
 * <p>The steps are the install's own, listed by {@link Plan#install()}; a caller composes plans from them
 * ({@link Plan#from}, {@link Plan#step}) and runs them with a {@link PlanRunner}. Steps are written in this package
 * only: what they run on the host goes through the parts of {@link Host} that are not public.
 */
public interface Step {

    /** {@return the name {@code --from-step} takes: {@code docker}, {@code driver}, {@code stack-files}..} */
    String name();

    /**
     * Looks at the host, changing nothing. Dry runs call only this and {@link #plan}; after {@link #apply} it runs
     * again to verify.
     *
     * @param host the host, its facts and its config
     * @return what was found: ok, needed, skipped, or failed with what to do
     */
    Check check(Host host);

    /**
     * {@return what {@link #apply} would do, for a dry run} Read-only, as {@link #check} is.
     *
     * @param host the host, after a check that found something needed
     */
    List<Planned> plan(Host host);

    /**
     * Makes the check pass. Called only after a check found something needed, so a step changes only what is
     * missing.
     *
     * @param host the host
     * @return what was done, or that the plan stops here on purpose
     * @throws io.github.rngops.he300.core.command.CommandException if a command fails
     * @throws PlanException if the step finds it cannot go on
     */
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
