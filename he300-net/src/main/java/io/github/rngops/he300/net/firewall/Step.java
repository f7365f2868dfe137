package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import java.util.Objects;
import java.util.Optional;

/**
 * One idempotent change: run {@code check}; only if it fails (non-zero exit), run {@code apply}. A step without a
 * check always applies.
 *
 * @param check the command whose success means the change is already there
 * @param apply the command that makes the change
 */
public record Step(Optional<Command> check, Command apply) {
    /** What happened to a step. */
    public enum Outcome {
        /** The check succeeded: nothing was changed. */
        ALREADY_THERE,
        /** The change was applied (no check, or the check failed). */
        CHANGED
    }

    /**
     * A step; a step that always applies has an empty {@code check}.
     *
     * @param check the command whose success means the change is already there
     * @param apply the command that makes the change
     */
    public Step {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(apply, "apply");
    }

    /**
     * A step that applies only when its check fails.
     *
     * @param check the command whose success (exit 0) means the change is already there, like {@code iptables -C}
     * @param apply the command that makes the change, like {@code iptables -I}
     * @return the step
     */
    public static Step unless(Command check, Command apply) {
        return new Step(Optional.of(check), apply);
    }

    /**
     * Runs the check and, if it fails, the change, both through {@code runner} (on whichever machine it runs
     * commands). A failing check is an answer, not an error.
     *
     * @param runner where the commands run
     * @return whether the change was already there or has been made
     * @throws io.github.rngops.he300.core.command.CommandException if the change fails (non-zero exit, timeout)
     */
    public Outcome run(CommandRunner runner) {
        if (check.isPresent() && runner.run(check.get()).ok()) {
            return Outcome.ALREADY_THERE;
        }
        runner.runChecked(apply);
        return Outcome.CHANGED;
    }

    /** {@return the step as a shell line a person can read and run: {@code check || apply}, secrets masked} */
    public String display() {
        return check.map(c -> c.displayLine() + " || ").orElse("") + apply.displayLine();
    }
}
