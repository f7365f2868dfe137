package io.github.rngops.he300.net;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.core.command.internal.LineSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;

/**
 * Runs commands on this machine (zt-exec). Output is streamed line by line and collected; standard input,
 * environment and working directory are passed through; {@code sudo} is added only when this process is not root.
 * A command that outlives its timeout is killed together with every process it started (children, grandchildren),
 * and {@link CommandException} with {@link CommandException.Reason#TIMED_OUT} is thrown.
 *
 * <pre>{@code
 * CommandRunner local = LocalRunner.create();
 * CommandResult result = local.run(Command.of("wg", "--version"));
 * }</pre>
 *
 * <p>Only the masked {@link Command#displayLine()} is ever logged (at debug level), never output.
 */
public final class LocalRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final Duration STREAM_CLOSE = Duration.ofSeconds(2);

    private final boolean root;
    private final Duration defaultTimeout;
    private final List<String> sudoPrefix;

    private LocalRunner(Builder builder) {
        this.root = builder.root == null ? isRoot() : builder.root;
        this.defaultTimeout = builder.defaultTimeout;
        this.sudoPrefix = builder.sudoPrefix;
    }

    /** {@return a runner that detects whether it is root and has no default timeout} */
    public static LocalRunner create() {
        return builder().build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether commands marked {@code sudo} run as they are (true) or under {@code sudo -n --} (false)} */
    public boolean root() {
        return root;
    }

    @Override
    public CommandResult run(Command command, Consumer<String> stdoutLines, Consumer<String> stderrLines) {
        Objects.requireNonNull(command, "command");
        List<String> argv = new ArrayList<>();
        if (command.sudo() && !root) {
            argv.addAll(sudoPrefix);
        }
        argv.addAll(command.argv());
        Map<String, String> env = new LinkedHashMap<>();
        command.env().forEach((name, value) -> env.put(name, value.value()));
        LineSink out = new LineSink(stdoutLines);
        LineSink err = new LineSink(stderrLines);
        ProcessExecutor executor = new ProcessExecutor()
                .command(argv)
                .environment(env)
                .redirectInput(new ByteArrayInputStream(command.stdin().orElse(new byte[0])))
                .redirectOutput(out)
                .redirectError(err)
                .exitValueAny()
                // A daemon the command leaves behind (wireguard-go) may keep its output open: stop reading then.
                .closeTimeout(STREAM_CLOSE.toMillis(), TimeUnit.MILLISECONDS)
                .destroyOnExit();
        command.workingDir().ifPresent(dir -> executor.directory(dir.toFile()));
        LOG.debug("running {}", command);
        long start = System.nanoTime();
        StartedProcess started;
        try {
            started = executor.start();
        } catch (IOException e) {
            throw CommandException.notStarted(command, e);
        }
        Duration timeout = command.timeout().orElse(defaultTimeout);
        Future<ProcessResult> future = started.getFuture();
        int exitCode;
        try {
            ProcessResult result = timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            exitCode = result.getExitValue();
        } catch (TimeoutException e) {
            killTree(started.getProcess().toHandle());
            awaitQuietly(future);
            throw CommandException.timedOut(command, timeout, err.text());
        } catch (InterruptedException e) {
            killTree(started.getProcess().toHandle());
            Thread.currentThread().interrupt();
            throw CommandException.timedOut(command, Duration.ofNanos(System.nanoTime() - start), err.text());
        } catch (ExecutionException e) {
            killTree(started.getProcess().toHandle());
            throw CommandException.notStarted(command, e.getCause());
        }
        out.close();
        err.close();
        return new CommandResult(exitCode, out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Kills the process and every descendant. The tree is read before anything is killed (a dead parent's children
     * are re-parented and no longer found), then read again until nothing is left, for children forked meanwhile.
     */
    static void killTree(ProcessHandle process) {
        for (int round = 0; round < 20; round++) {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            if (tree.isEmpty() && !process.isAlive()) {
                return;
            }
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            for (ProcessHandle handle : tree) {
                handle.onExit().completeOnTimeout(handle, 1, TimeUnit.SECONDS).join();
            }
        }
    }

    private static void awaitQuietly(Future<ProcessResult> future) {
        try {
            future.get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Makes a {@link LocalRunner}. */
    public static final class Builder {
        private Boolean root;
        private Duration defaultTimeout;
        private List<String> sudoPrefix = List.of("sudo", "-n", "--");

        private Builder() {}

        /**
         * Sets what goes before a {@code sudo} command when not root; default {@code sudo -n --} (never prompts).
         *
         * @param prefix the program and its arguments, like {@code doas -n}; the command's argv follows them
         * @return this builder
         * @throws NetException if it is empty
         */
        public Builder sudoPrefix(String... prefix) {
            if (prefix.length == 0) {
                throw NetException.invalid("sudoPrefix", "must name a program, such as sudo -n -- or doas -n");
            }
            this.sudoPrefix = List.of(prefix);
            return this;
        }

        /**
         * Sets whether this process is root; detected when not set. When false, {@code sudo} commands use sudo.
         *
         * @param root true to run {@code sudo} commands as they are, false to prefix them with the sudo prefix
         * @return this builder
         */
        public Builder root(boolean root) {
            this.root = root;
            return this;
        }

        /**
         * Sets the timeout of commands that set none. Positive.
         *
         * @param timeout how long a command without its own timeout may run before its process tree is killed; by
         *     default such a command may run for ever
         * @return this builder
         * @throws NetException if it is zero or negative
         */
        public Builder defaultTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "defaultTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw NetException.invalid("defaultTimeout", "must be positive, was " + timeout);
            }
            this.defaultTimeout = timeout;
            return this;
        }

        /** {@return the {@link LocalRunner} these settings describe} */
        public LocalRunner build() {
            return new LocalRunner(this);
        }
    }
}
