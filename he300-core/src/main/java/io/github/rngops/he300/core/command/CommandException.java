package io.github.rngops.he300.core.command;

import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A command was refused, could not start, failed or timed out. The command is carried as its
 * {@link Command#displayLine() display line}, so secrets are masked in the message and in {@link #command()}.
 */
public final class CommandException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** Why the command did not succeed; callers branch on it. */
    public enum Reason {
        /** The command itself is not valid (a NUL byte, a bad environment name, ...). It never ran. */
        INVALID,
        /** The program could not be started (not found, not executable, bad working directory). */
        NOT_STARTED,
        /** It ran and exited with a non-zero code. */
        FAILED,
        /** It ran longer than its timeout and was killed with everything it started. */
        TIMED_OUT
    }

    /** Why the command did not succeed. */
    private final Reason reason;
    /** The display line, secrets masked; empty for an invalid command. */
    private final String command;
    /** The exit code for {@link Reason#FAILED}, else null. */
    private final Integer exitCode;
    /** What the command wrote to standard error; empty when it never ran. */
    private final String stderr;

    private CommandException(Reason reason, String command, Integer exitCode, String stderr, String message,
            Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** {@return why the command did not succeed} */
    public Reason reason() {
        return reason;
    }

    /**
     * {@return the command as displayed, secrets masked; empty for {@link Reason#INVALID} before the command existed}
     */
    public String command() {
        return command;
    }

    /** {@return the exit code, for {@link Reason#FAILED}} */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** {@return what the command wrote to standard error (may be empty)} */
    public String stderr() {
        return stderr;
    }

    static CommandException invalid(String what) {
        return new CommandException(Reason.INVALID, "", null, "", what, null);
    }

    /**
     * For a {@link CommandRunner}: the program could not be started.
     *
     * @param command the command, shown with secrets masked
     * @param cause what the operating system or transport said (its message goes into this one)
     * @return an exception with {@link Reason#NOT_STARTED}
     */
    public static CommandException notStarted(Command command, Throwable cause) {
        return new CommandException(Reason.NOT_STARTED, command.displayLine(), null, "",
                "could not start `" + command.displayLine() + "`: " + cause.getMessage()
                        + " (is the program installed and on the PATH?)", cause);
    }

    /**
     * For a {@link CommandRunner} or a caller: the command exited with a non-zero code. The message ends with the
     * last three lines of its standard error (of standard output when standard error is blank).
     *
     * @param command the command, shown with secrets masked
     * @param result how it ended
     * @return an exception with {@link Reason#FAILED}, the exit code and standard error
     */
    public static CommandException failed(Command command, CommandResult result) {
        String err = lastLines(result.stderr().isBlank() ? result.stdout() : result.stderr());
        return new CommandException(Reason.FAILED, command.displayLine(), result.exitCode(), result.stderr(),
                "`" + command.displayLine() + "` exited with code " + result.exitCode()
                        + (err.isEmpty() ? "" : ": " + err), null);
    }

    /**
     * For a {@link CommandRunner}: the command outlived its timeout and was killed with everything it started.
     *
     * @param command the command, shown with secrets masked
     * @param timeout how long it was allowed (or ran), shown in milliseconds
     * @param stderr what it wrote to standard error before it was killed; not null
     * @return an exception with {@link Reason#TIMED_OUT}
     */
    public static CommandException timedOut(Command command, Duration timeout, String stderr) {
        return new CommandException(Reason.TIMED_OUT, command.displayLine(), null, stderr,
                "`" + command.displayLine() + "` did not finish within " + timeout.toMillis()
                        + " ms and was killed with every process it started", null);
    }

    /** The last three non-blank lines, joined, so a message stays one readable line. */
    private static String lastLines(String text) {
        String[] lines = text.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.append(out.length() == 0 ? "" : " / ").append(lines[i].strip());
            }
        }
        return out.toString();
    }
}
