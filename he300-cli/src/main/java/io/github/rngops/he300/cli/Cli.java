package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a script's picocli command with the project's exit codes: {@value #OK} done, {@value #FAILURE} the thing
 * measured failed (or an unexpected error), {@value #USAGE} bad usage, configuration or input. A user error prints
 * one line, never a stack trace.
 *
 * <pre>{@code
 * public static void main(String... args) {
 *     System.exit(Cli.run(new sample(), args));
 * }
 * }</pre>
 */
public final class Cli {
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the thing measured failed (a run, a check, a verification). */
    public static final int FAILURE = 1;
    /** Exit code: bad usage, configuration or input. */
    public static final int USAGE = 2;

    private Cli() {}

    /**
     * Parses {@code args} into {@code command}, calls it, and maps what it throws to an exit code and one line.
     *
     * @param command a picocli {@code @Command} object, usually a {@code Callable<Integer>}
     * @param args the command line
     * @return the exit code to pass to {@code System.exit}
     */
    public static int run(Object command, String... args) {
        return commandLine(command).execute(args);
    }

    /**
     * {@return the configured {@link CommandLine}, for tests and for scripts that add subcommands}
     *
     * @param command a picocli {@code @Command} object
     */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        if (line.getCommandSpec().version().length == 0) {
            line.getCommandSpec().version("he300 " + version());
        }
        line.setExitCodeExceptionMapper(e -> e instanceof He300Exception ? USAGE : FAILURE);
        line.setParameterExceptionHandler(Cli::badUsage);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof He300Exception) {
                err.println(prefix(commandLine) + e.getMessage());
                err.flush();
                return USAGE;
            }
            throw e;
        });
        return line;
    }

    /** The modules' version, from the jar manifest; {@code dev} when run from classes (tests, an IDE). */
    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(prefix(commandLine) + e.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName() + ": ";
    }
}
