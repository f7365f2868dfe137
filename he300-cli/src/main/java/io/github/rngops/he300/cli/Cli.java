package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.He300Exception;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a script's picocli command with the project's exit codes: {@value #OK} done, {@value #FAILURE} the thing
 * measured failed (or an unexpected error), {@value #USAGE} bad usage, configuration or input. This is the one place
 * where exceptions become exit codes and messages, for every command: an error prints one line in the user's terms
 * (a bad flag adds a line naming {@code --help}), never a Java type name or a stack trace; {@value #DEBUG_OPTION} (on
 * every command) or {@code HE300_DEBUG=1} adds the stack trace.
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

    /** The option every command takes to print the stack trace of an error. */
    public static final String DEBUG_OPTION = "--debug";
    /** The environment variable that does the same, for a command whose flags are fixed (CI). */
    public static final String DEBUG_VARIABLE = "HE300_DEBUG";

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
        return commandLine(command, System.getenv());
    }

    /**
     * {@return as {@link #commandLine(Object)}, reading {@value #DEBUG_VARIABLE} from {@code env}}
     *
     * @param command a picocli {@code @Command} object
     * @param env the environment
     */
    public static CommandLine commandLine(Object command, Map<String, String> env) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.registerConverter(Duration.class, new DurationConverter());
        if (line.getCommandSpec().version().length == 0) {
            line.getCommandSpec().version("he300 " + version());
        }
        addDebugOption(line);
        boolean debugFromEnv = "1".equals(env.get(DEBUG_VARIABLE)) || "true".equalsIgnoreCase(env.get(DEBUG_VARIABLE));
        line.setExitCodeExceptionMapper(Cli::exitCode);
        line.setParameterExceptionHandler((e, args) -> badUsage(e, args, debugFromEnv));
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = exitCode(e);
            String message = prefix(commandLine) + UserMessage.of(e);
            if (code == FAILURE) {
                message += " (unexpected; " + DEBUG_OPTION + " or " + DEBUG_VARIABLE + "=1 shows where)";
            }
            err.println(message);
            if (debugFromEnv || debugRequested(parseResult)) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return line;
    }

    /**
     * {@value #USAGE} for what the user can fix: an {@link He300Exception} (every exception he300 throws on purpose),
     * an argument a builder refused ({@link IllegalArgumentException}), a file that cannot be read or written;
     * {@value #FAILURE} for anything else, which is a bug.
     */
    static int exitCode(Throwable e) {
        return e instanceof He300Exception || e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException ? USAGE : FAILURE;
    }

    /** The modules' version, from the jar manifest; {@code dev} when run from classes (tests, an IDE). */
    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static void addDebugOption(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (!spec.optionsMap().containsKey(DEBUG_OPTION)) {
            spec.addOption(OptionSpec.builder(DEBUG_OPTION).type(boolean.class)
                    .description("On an error, also print its stack trace (or set " + DEBUG_VARIABLE + "=1).")
                    .build());
        }
        line.getSubcommands().values().forEach(Cli::addDebugOption);
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args, boolean debugFromEnv) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(prefix(commandLine) + UserMessage.clean(e.getMessage()));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        if (debugFromEnv || Arrays.asList(args).contains(DEBUG_OPTION)) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName() + ": ";
    }
}
