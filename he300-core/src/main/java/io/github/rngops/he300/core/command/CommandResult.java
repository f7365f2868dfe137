package io.github.rngops.he300.core.command;

import java.time.Duration;
import java.util.Objects;

/**
 * How a command ended. {@link #toString()} shows sizes, not content: output can hold secrets (`wg show dump` prints
 * the private key), so whoever prints it decides to.
 *
 * @param exitCode the process's exit code
 * @param stdout everything written to standard output, decoded as UTF-8
 * @param stderr everything written to standard error, decoded as UTF-8
 * @param duration from start to exit
 */
public record CommandResult(int exitCode, String stdout, String stderr, Duration duration) {
    /**
     * Checks the components, as the class description says of each.
     *
     * @param exitCode the process's exit code
     * @param stdout everything written to standard output, decoded as UTF-8
     * @param stderr everything written to standard error, decoded as UTF-8
     * @param duration from start to exit
     */
    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
    }

    /** {@return whether the exit code is 0} */
    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * Returns this result if it is {@link #ok()}.
     *
     * @param command the command that produced it, named in the exception (secrets masked)
     * @return this result
     * @throws CommandException with {@link CommandException.Reason#FAILED} if the exit code is not 0
     */
    public CommandResult orThrow(Command command) {
        if (!ok()) {
            throw CommandException.failed(command, this);
        }
        return this;
    }

    /** {@return the exit code, output sizes and duration; never the output itself} */
    @Override
    public String toString() {
        return "CommandResult[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr="
                + stderr.length() + " chars, duration=" + duration.toMillis() + " ms]";
    }
}
