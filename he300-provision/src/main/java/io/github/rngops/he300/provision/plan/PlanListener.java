package io.github.rngops.he300.provision.plan;

/** Hears what a {@link PlanRunner} does: steps starting and ending, and lines of output (masked) in between. */
public interface PlanListener {

    /**
     * Hears a line for the operator: a command's output, a planned command, progress. Called on the thread running
     * the plan, or on a thread reading a command's output.
     *
     * @param text one line, secrets already masked
     */
    void line(String text);

    /**
     * Hears that a step is about to check (and maybe apply); nothing by default.
     *
     * @param step the step's name
     */
    default void stepStarted(String step) {
    }

    /**
     * Hears how a step ended; nothing by default.
     *
     * @param result the step's result, as the recap will list it
     */
    default void stepEnded(StepResult result) {
    }

    /** {@return a listener that hears nothing} */
    static PlanListener silent() {
        return text -> { };
    }
}
