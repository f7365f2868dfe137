package io.github.rngops.he300.provision.ssh;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.internal.LineSink;
import io.github.rngops.he300.core.command.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * One command on one SSH channel: output streamed line by line, standard input sent and closed, a timeout enforced
 * on both ends ({@code timeout(1)} on the host when it has it; TERM, then KILL, then close here), the exit status or
 * signal turned into an exit code as a shell reports it.
 */
final class RemoteExec {
    private static final Duration SIGNAL_GRACE = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private RemoteExec() {}

    /** Runs {@code line} on a new channel of {@code session}, which it closes; stdin from the command. */
    static CommandResult run(Session session, Command command, String line, Duration timeout,
            Consumer<String> stdoutLines, Consumer<String> stderrLines) {
        String remote = timeout == null ? line : underTimeout(line, timeout);
        long start = System.nanoTime();
        LineSink out = new LineSink(stdoutLines);
        LineSink err = new LineSink(stderrLines);
        try {
            Session.Command running = session.exec(remote);
            Thread outPump = pump(running.getInputStream(), out, "stdout");
            Thread errPump = pump(running.getErrorStream(), err, "stderr");
            sendStdin(running.getOutputStream(), command.stdin().orElse(null));
            boolean finished = await(running, timeout);
            if (!finished) {
                kill(running);
                throw CommandException.timedOut(command, timeout, err.text());
            }
            join(outPump);
            join(errPump);
            out.close();
            err.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int exit = exitCode(running);
            if (timeout != null && exit == 124 && took.compareTo(timeout) >= 0) {
                throw CommandException.timedOut(command, timeout, err.text());
            }
            return new CommandResult(exit, out.text(), err.text(), took);
        } catch (IOException e) {
            throw CommandException.notStarted(command, e);
        } finally {
            closeQuietly(session);
        }
    }

    /** The line under {@code timeout(1)} when the host has it (a second later than the client gives up). */
    static String underTimeout(String line, Duration timeout) {
        long seconds = (timeout.toMillis() + 999) / 1000 + 1;
        String quoted = Shell.quote(line);
        return "if command -v timeout >/dev/null 2>&1; then exec timeout -k 2 " + seconds + " sh -c " + quoted
                + "; else exec sh -c " + quoted + "; fi";
    }

    private static boolean await(Session.Command running, Duration timeout) throws ConnectionException {
        if (timeout == null) {
            running.join();
            return true;
        }
        try {
            running.join(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ConnectionException e) {
            if (running.isOpen()) {
                return false;
            }
            throw e;
        }
        return !running.isOpen() || running.getExitStatus() != null;
    }

    /** TERM (timeout(1) passes it to the whole group), then KILL, then the channel closes. */
    private static void kill(Session.Command running) {
        try {
            running.signal(Signal.TERM);
            running.join(SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // still running, or the signal is not supported: KILL and close below
        }
        try {
            if (running.isOpen()) {
                running.signal(Signal.KILL);
            }
        } catch (IOException e) {
            // closing below ends it on servers without signal support
        }
        closeQuietly(running);
    }

    private static int exitCode(Session.Command running) {
        Integer status = running.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = running.getExitSignal();
        if (signal == null) {
            return 255;
        }
        return 128 + switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case KILL -> 9;
            case PIPE -> 13;
            case TERM -> 15;
            default -> 127;
        };
    }

    private static void sendStdin(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            if (bytes != null) {
                stdin.write(bytes);
                stdin.flush();
            }
        } catch (IOException e) {
            // the command exited without reading all of its input: its exit status tells
        }
    }

    private static Thread pump(InputStream in, LineSink sink, String name) {
        Thread thread = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                // channel closed: what arrived is kept
            }
        }, "he300-ssh-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after use: nothing left to do
        }
    }
}
