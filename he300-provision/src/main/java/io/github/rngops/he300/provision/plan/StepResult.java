package io.github.rngops.he300.provision.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one step ended.
 *
 * @param step the step's name
 * @param status ok, changed, skipped, failed (or would-change in a dry run, not-run after a stop)
 * @param detail one line; never a secret
 * @param command for a failure: the failing command's display line (secrets masked), else empty
 * @param outputTail for a failure: the last lines of its output (masked)
 * @param next for a failure or stop: what to do
 * @param duration how long the step took
 */
public record StepResult(String step, Status status, String detail, String command, List<String> outputTail,
        String next, Duration duration) {
    /** The outcomes a recap counts. */
    public enum Status {
        /** Nothing to do. */
        OK("ok"),
        /** Applied and verified. */
        CHANGED("changed"),
        /** Not applicable to this host or config. */
        SKIPPED("skipped"),
        /** The check failed, a command failed, or the verify did not pass. */
        FAILED("failed"),
        /** Dry run: apply would change the host. */
        WOULD_CHANGE("would change"),
        /** After a failure or stop: not run. */
        NOT_RUN("not run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** {@return the status as the recap table writes it: {@code ok}, {@code would change}...} */
        public String label() {
            return label;
        }
    }

    /**
     * Refuses a null component (a {@code NullPointerException} naming it), and copies the output tail.
     *
     * @param step the step's name
     * @param status ok, changed, skipped, failed (or would-change in a dry run, not-run after a stop)
     * @param detail one line; never a secret
     * @param command for a failure: the failing command's display line (secrets masked), else empty
     * @param outputTail for a failure: the last lines of its output (masked)
     * @param next for a failure or stop: what to do
     * @param duration how long the step took
     */
    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(command, "command");
        outputTail = List.copyOf(outputTail);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(duration, "duration");
    }

    static StepResult of(String step, Status status, String detail, Duration duration) {
        return new StepResult(step, status, detail, "", List.of(), "", duration);
    }
}
