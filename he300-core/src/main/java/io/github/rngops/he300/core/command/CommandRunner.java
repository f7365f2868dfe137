package io.github.rngops.he300.core.command;

import java.util.function.Consumer;

/**
 * Runs a {@link Command} somewhere: on this machine, over SSH, inside a network namespace. Everything that acts on a
 * host takes a runner, so the same code works locally, remotely and against a recording fake in tests.
 *
 * <p>A runner returns a result whatever the exit code; {@link #runChecked(Command)} turns a non-zero exit into a
 * {@link CommandException}. A command that outlives its {@link Command#timeout() timeout} is killed, with every
 * process it started, and throws {@link CommandException} with {@link CommandException.Reason#TIMED_OUT}.
 */
public interface CommandRunner {

    /**
     * Runs the command, passing each line of its output to the consumers as it arrives (without the line end).
     * The consumers are called from the runner's threads; they must not block for long.
     *
     * @param command what to run
     * @param stdoutLines receives each line of standard output
     * @param stderrLines receives each line of standard error
     * @return how the command ended, whatever its exit code, with all its output
     * @throws CommandException if the command cannot be started or outlives its timeout
     */
    CommandResult run(Command command, Consumer<String> stdoutLines, Consumer<String> stderrLines);

    /**
     * Runs the command and collects its output.
     *
     * @param command what to run
     * @return how the command ended, whatever its exit code
     * @throws CommandException if the command cannot be started or outlives its timeout
     */
    default CommandResult run(Command command) {
        return run(command, line -> { }, line -> { });
    }

    /**
     * Runs the command and insists that it succeeds.
     *
     * @param command what to run
     * @return how the command ended, exit code 0
     * @throws CommandException if it cannot be started, outlives its timeout or exits with a non-zero code (then
     *         with the command and its stderr)
     */
    default CommandResult runChecked(Command command) {
        return run(command).orThrow(command);
    }
}
