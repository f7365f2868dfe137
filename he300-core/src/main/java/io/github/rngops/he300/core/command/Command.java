package io.github.rngops.he300.core.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A program to run: an argument vector (never a pre-joined string), with optional standard input, environment,
 * working directory, {@code sudo} and timeout. Immutable; a variant comes from {@link #toBuilder()}.
 *
 * <pre>{@code
 * Command up = Command.builder("wg-quick").args("up", "wg0").sudo(true).timeout(Duration.ofSeconds(30)).build();
 * Command login = Command.builder("tool").arg("--user").arg("me").secretArg("--password=" + password).build();
 * login.displayLine();   // 'tool' '--user' 'me' '****'    (what logs and dry runs show)
 * login.shellLine();     // the same with the real value   (what an SSH runner sends)
 * }</pre>
 *
 * <p>Arguments and environment values can be secret ({@link Arg#secret(String)}): the runners use the real value,
 * every display masks it. Standard input is never displayed, so it is the place for a secret the program can read
 * from it. A value holding a NUL byte is refused when the command is built: no program argument can carry one.
 */
public final class Command {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<Arg> argv;
    private final Map<String, Arg> env;
    private final Path workingDir;
    private final boolean sudo;
    private final Duration timeout;
    private final byte[] stdin;

    private Command(Builder builder) {
        argv = List.copyOf(builder.argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(builder.env));
        workingDir = builder.workingDir;
        sudo = builder.sudo;
        timeout = builder.timeout;
        stdin = builder.stdin;
        if (argv.isEmpty() || argv.get(0).value().isEmpty()) {
            throw CommandException.invalid("a command needs a program name as its first argument");
        }
        if (!env.isEmpty() && argv.get(0).value().contains("=")) {
            throw CommandException.invalid("program name " + argv.get(0).shown()
                    + " contains '=', which env(1) would take for a variable: use a path without '='");
        }
    }

    /**
     * {@return a command with these arguments, none secret, and nothing else set}
     *
     * @param program the program's name or path, not empty
     * @param args the arguments after it
     * @throws CommandException if the program name is empty or a value holds a NUL byte
     */
    public static Command of(String program, String... args) {
        return builder(program).args(args).build();
    }

    /**
     * {@return a builder whose first argument is {@code program}}
     *
     * @param program the program's name or path; {@link Builder#build()} refuses an empty one
     * @throws CommandException if it holds a NUL byte
     */
    public static Builder builder(String program) {
        return new Builder().arg(program);
    }

    /** {@return a builder that starts from this command} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.argv.addAll(argv);
        builder.env.putAll(env);
        builder.workingDir = workingDir;
        builder.sudo = sudo;
        builder.timeout = timeout;
        builder.stdin = stdin;
        return builder;
    }

    /**
     * This command run through a wrapper: {@code prefix} comes before the program ({@code ip netns exec ns},
     * {@code nice -n 10}). Environment, directory, sudo, timeout and stdin stay as they are.
     *
     * @param prefix the wrapper's program and arguments
     * @return the wrapped command
     * @throws CommandException if a prefix word holds a NUL byte
     */
    public Command wrappedBy(String... prefix) {
        Builder builder = new Builder().args(prefix);
        builder.argv.addAll(argv);
        builder.env.putAll(env);
        builder.workingDir = workingDir;
        builder.sudo = sudo;
        builder.timeout = timeout;
        builder.stdin = stdin;
        return builder.build();
    }

    /** {@return the arguments with their real values, program first: for running only} */
    public List<String> argv() {
        return argv.stream().map(Arg::value).toList();
    }

    /** {@return the arguments as given, secret ones marked} */
    public List<Arg> args() {
        return argv;
    }

    /**
     * {@return environment variables added to (or replacing those of) the runner's environment, in the order given;
     * unmodifiable}
     */
    public Map<String, Arg> env() {
        return env;
    }

    /** {@return the directory to run in, or empty for the runner's own} */
    public Optional<Path> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    /** {@return whether the command must run as root: {@code sudo -n --} unless the runner is root already} */
    public boolean sudo() {
        return sudo;
    }

    /** {@return how long the command may run before the runner kills it, or empty for no limit} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@return the bytes fed to standard input, if any (a copy)} Never displayed. */
    public Optional<byte[]> stdin() {
        return stdin == null ? Optional.empty() : Optional.of(stdin.clone());
    }

    /**
     * The POSIX shell line that runs this command with the real values, every word single-quoted:
     * {@code cd 'DIR' && sudo -n -- env 'K=V' 'prog' 'arg'}. It holds secrets: send it to a shell, never show it.
     * Standard input and the timeout are not part of the line; the runner handles them.
     *
     * @return the line, secrets included
     */
    public String shellLine() {
        return render(false, sudo);
    }

    /** {@return {@link #shellLine()} without the {@code sudo} prefix, for runners that already are root} */
    public String shellLineWithoutSudo() {
        return render(false, false);
    }

    /** {@return the shell line with secrets shown as {@value Arg#MASK}, for logs, messages and dry runs} */
    public String displayLine() {
        StringBuilder line = new StringBuilder(render(true, sudo));
        if (stdin != null) {
            line.append(" <<(").append(stdin.length).append(" bytes on stdin)");
        }
        return line.toString();
    }

    private String render(boolean masked, boolean withSudo) {
        List<String> words = new ArrayList<>();
        if (workingDir != null) {
            words.add("cd " + Shell.quote(workingDir.toString()) + " &&");
        }
        if (withSudo) {
            words.add("sudo -n --");
        }
        if (!env.isEmpty()) {
            words.add("env");
            env.forEach((name, value) -> words.add(Shell.quote(name + "=" + (masked ? value.shown() : value.value()))));
        }
        for (Arg arg : argv) {
            words.add(Shell.quote(masked ? arg.shown() : arg.value()));
        }
        return String.join(" ", words);
    }

    /** The {@link #displayLine()}: secrets masked. */
    @Override
    public String toString() {
        return displayLine();
    }

    /**
     * Commands are equal when they run the same: same arguments (secrecy included), environment, directory, sudo,
     * timeout and standard input bytes.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Command that && argv.equals(that.argv) && env.equals(that.env)
                && Objects.equals(workingDir, that.workingDir) && sudo == that.sudo
                && Objects.equals(timeout, that.timeout) && Arrays.equals(stdin, that.stdin);
    }

    /** {@return a hash consistent with {@link #equals(Object)}} */
    @Override
    public int hashCode() {
        return Objects.hash(argv, env, workingDir, sudo, timeout, Arrays.hashCode(stdin));
    }

    private static String checked(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\0') >= 0) {
            throw CommandException.invalid(what + " contains a NUL byte, which no program argument, environment"
                    + " value or path can carry: remove it (pass binary data on standard input instead)");
        }
        return value;
    }

    /** Makes a {@link Command}; each method checks its argument at once. */
    public static final class Builder {
        private final List<Arg> argv = new ArrayList<>();
        private final Map<String, Arg> env = new LinkedHashMap<>();
        private Path workingDir;
        private boolean sudo;
        private Duration timeout;
        private byte[] stdin;

        private Builder() {}

        /**
         * Adds one argument.
         *
         * @param value the argument; not null
         * @return this builder
         * @throws CommandException if it holds a NUL byte
         */
        public Builder arg(String value) {
            return arg(Arg.of(value));
        }

        /**
         * Adds one argument, shown as {@value Arg#MASK} in every display.
         *
         * @param value the secret argument; not null
         * @return this builder
         * @throws CommandException if it holds a NUL byte
         */
        public Builder secretArg(String value) {
            return arg(Arg.secret(value));
        }

        /**
         * Adds one argument, secret or not as {@code arg} says.
         *
         * @param arg the argument; not null
         * @return this builder
         * @throws CommandException if it holds a NUL byte
         */
        public Builder arg(Arg arg) {
            Objects.requireNonNull(arg, "arg");
            checked("argument " + argv.size() + (arg.secret() ? "" : " (" + abbreviate(arg.value()) + ")"),
                    arg.value());
            argv.add(arg);
            return this;
        }

        /**
         * Adds arguments, none secret, in order.
         *
         * @param values the arguments; none null
         * @return this builder
         * @throws CommandException if one holds a NUL byte
         */
        public Builder args(String... values) {
            return args(Arrays.asList(values));
        }

        /**
         * Adds arguments, none secret, in order.
         *
         * @param values the arguments; none null
         * @return this builder
         * @throws CommandException if one holds a NUL byte
         */
        public Builder args(List<String> values) {
            values.forEach(this::arg);
            return this;
        }

        /**
         * Sets an environment variable for the command, replacing one set before under the same name.
         *
         * @param name a variable name: letters, digits and {@code _}, not starting with a digit
         * @param value its value; not null
         * @return this builder
         * @throws CommandException if the name is not a valid variable name or either holds a NUL byte
         */
        public Builder env(String name, String value) {
            return env(name, Arg.of(value));
        }

        /**
         * Sets an environment variable whose value is shown as {@value Arg#MASK} in every display.
         *
         * @param name a variable name: letters, digits and {@code _}, not starting with a digit
         * @param value the secret value; not null
         * @return this builder
         * @throws CommandException if the name is not a valid variable name or either holds a NUL byte
         */
        public Builder secretEnv(String name, String value) {
            return env(name, Arg.secret(value));
        }

        /**
         * Sets an environment variable, secret or not as {@code value} says.
         *
         * @param name a variable name: letters, digits and {@code _}, not starting with a digit
         * @param value its value; not null
         * @return this builder
         * @throws CommandException if the name is not a valid variable name or either holds a NUL byte
         */
        public Builder env(String name, Arg value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            checked("environment name", name);
            if (!ENV_NAME.matcher(name).matches()) {
                throw CommandException.invalid("environment name '" + abbreviate(name)
                        + "' is not a valid variable name: use letters, digits and '_', not starting with a digit");
            }
            checked("environment value of " + name, value.value());
            env.put(name, value);
            return this;
        }

        /**
         * Sets the directory to run in; relative paths are relative to the runner's own directory.
         *
         * @param dir the directory to run in
         * @return this builder
         * @throws CommandException if the path holds a NUL byte
         */
        public Builder workingDir(Path dir) {
            Objects.requireNonNull(dir, "workingDir");
            checked("working directory", dir.toString());
            this.workingDir = dir;
            return this;
        }

        /**
         * Sets whether to run as root: {@code sudo -n --}, unless the runner is root already. Off by default.
         *
         * @param sudo whether the command needs root
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * Sets how long the command may run: the runner kills it, and every process it started, after this long. No
         * limit by default.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws CommandException if it is zero or negative
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw CommandException.invalid("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the bytes fed to standard input (copied); never displayed, so the place for a secret.
         *
         * @param bytes the input; not null
         * @return this builder
         */
        public Builder stdin(byte[] bytes) {
            this.stdin = Objects.requireNonNull(bytes, "stdin").clone();
            return this;
        }

        /**
         * Sets the text fed to standard input, as UTF-8; never displayed, so the place for a secret.
         *
         * @param text the input; not null
         * @return this builder
         */
        public Builder stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * {@return the {@link Command} these settings describe}
         *
         * @throws CommandException if there is no program name, it is empty, or it contains {@code =} while an
         *         environment variable is set (env(1) would take it for one)
         */
        public Command build() {
            return new Command(this);
        }

        private static String abbreviate(String value) {
            String printable = value.replace("\0", "\\0");
            return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
        }
    }
}
