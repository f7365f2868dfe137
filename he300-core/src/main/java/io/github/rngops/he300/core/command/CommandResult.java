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

    /** Exit code 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /**
     * {@return this result if it is {@link #ok()}, else a {@link CommandException} naming the command (secrets masked)}
     */
    public CommandResult orThrow(Command command) {
        if (!ok()) {
            throw CommandException.failed(command, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "CommandResult[exitCode=" + exitCode + ", stdout=" + stdout.length() + " chars, stderr="
                + stderr.length() + " chars, duration=" + duration.toMillis() + " ms]";
    }
}
