package io.github.rngops.he300.provision.plan;

/** Hears what a {@link PlanRunner} does: steps starting and ending, and lines of output (masked) in between. */
public interface PlanListener {

    /** A line for the operator: a command's output, a planned command, progress. Secrets already masked. */
    void line(String text);

    default void stepStarted(String step) {
    }

    default void stepEnded(StepResult result) {
    }

    /** {@return a listener that hears nothing} */
    static PlanListener silent() {
        return text -> { };
    }
}
