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
    public enum Outcome { ALREADY_THERE, CHANGED }

    /**
     * Checks the components, as the class description says of each.
     *
     * @param check the command whose success means the change is already there
     * @param apply the command that makes the change
     */
    public Step {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(apply, "apply");
    }

    public static Step unless(Command check, Command apply) {
        return new Step(Optional.of(check), apply);
    }

    /** Runs the check and, if needed, the change. A failing change throws. */
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
