package io.github.rngops.he300.provision.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A MINA SSHD exec command that runs the requested line with the real {@code /bin/sh -c}, in an environment the test
 * chooses (a PATH of fake programs, a fake filesystem root): what an OpenSSH server does with the user's shell.
 * A signal or the channel closing kills the process and everything it started.
 */
final class ProcessCommand implements Command {
    private final String line;
    private final Map<String, String> env;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ProcessCommand(String line, Map<String, String> env) {
        this.line = line;
        this.env = env;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", line));
        builder.environment().clear();
        builder.environment().putAll(env);
        process = builder.start();
        environment.addSignalListener((ch, signal) -> kill());
        daemon(() -> {
            try (OutputStream toProcess = process.getOutputStream()) {
                in.transferTo(toProcess);
            } catch (IOException e) {
                // the process stopped reading
            }
        });
        Thread stdout = daemon(() -> copy(process.getInputStream(), out));
        Thread stderr = daemon(() -> copy(process.getErrorStream(), err));
        daemon(() -> {
            try {
                int code = process.waitFor();
                stdout.join();
                stderr.join();
                exit.onExit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        kill();
    }

    private void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        try (from) {
            byte[] buffer = new byte[8192];
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // channel closed
        }
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "fake-host-process");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
