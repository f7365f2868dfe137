package io.github.rngops.he300.provision.ssh;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH agent ({@code ssh-agent -D -a dir/agent.sock}) and {@code ssh-add} to load it, as a user's shell has
 * them. A key added with {@link #addConfirmed} makes the agent ask its {@code SSH_ASKPASS} before each signature:
 * here a script that logs the question to {@link #confirmations()} and answers as {@link #answerConfirmations} says.
 * In CI ({@code CI=true}) a missing ssh-agent fails the test; elsewhere it is skipped with what to install.
 */
public final class OpenSshAgent implements AutoCloseable {
    public static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");

    private final Process process;
    private final Path socket;
    private final Path dir;

    private OpenSshAgent(Process process, Path socket, Path dir) {
        this.process = process;
        this.socket = socket;
        this.dir = dir;
    }

    /** Starts an agent whose socket and scripts are in {@code dir} (keep it short: a socket path has 107 bytes). */
    public static OpenSshAgent start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSH_AGENT)) {
            String why = SSH_AGENT + " is not installed: add openssh-client to APT_PACKAGES in .ci/run";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + why);
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(dir);
        Path socket = dir.resolve("agent.sock");
        Path confirm = script(dir.resolve("confirm.sh"), "echo \"$1\" | head -n 1 >> '" + dir.resolve("confirmations.log")
                + "'; exit \"$(cat '" + dir.resolve("confirm.answer") + "' 2>/dev/null || echo 1)\"");
        ProcessBuilder builder = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        builder.environment().putAll(Map.of("SSH_ASKPASS", confirm.toString(), "SSH_ASKPASS_REQUIRE", "force",
                "DISPLAY", ":0"));
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh-agent did not create " + socket + ": "
                        + Files.readString(dir.resolve("agent.log")));
            }
            Thread.sleep(20);
        }
        return new OpenSshAgent(process, socket, dir);
    }

    public Path socket() {
        return socket;
    }

    /** {@code ssh-add KEY}: an unencrypted key. */
    public OpenSshAgent add(Path key) {
        sshAdd(Map.of(), key.toString());
        return this;
    }

    /** {@code ssh-add KEY} for a key encrypted with {@code passphrase}, typed by an {@code SSH_ASKPASS} script. */
    public OpenSshAgent add(Path key, String passphrase) {
        Path askpass = script(dir.resolve("passphrase-" + key.getFileName() + ".sh"), "printf '%s\\n' '" + passphrase + "'");
        sshAdd(Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"),
                key.toString());
        return this;
    }

    /** {@code ssh-add -c KEY}: the agent asks for a confirmation before each use of the key. */
    public OpenSshAgent addConfirmed(Path key) {
        sshAdd(Map.of(), "-c", key.toString());
        return this;
    }

    /** Whether the agent's confirmation prompt says yes (exit 0) or no. */
    public void answerConfirmations(boolean yes) {
        write(dir.resolve("confirm.answer"), yes ? "0\n" : "1\n");
    }

    /** {@return the confirmation prompts the agent has shown so far} */
    public List<String> confirmations() {
        Path log = dir.resolve("confirmations.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ssh-add -L}: the public keys, {@code type base64 comment}, in the agent's order. */
    public List<String> publicKeys() {
        return List.of(sshAdd(Map.of(), "-L").strip().split("\n"));
    }

    /** {@code ssh-add -l -E sha256}: {@code bits SHA256:... comment (TYPE)} per key. */
    public List<String> fingerprints() {
        return List.of(sshAdd(Map.of(), "-l", "-E", "sha256").strip().split("\n"));
    }

    /** Stops the agent with SIGTERM, as a logout does: it removes its socket. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills the agent with SIGKILL: its socket file stays behind, with nobody listening. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String sshAdd(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("ssh-add"));
        argv.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().put("SSH_AUTH_SOCK", socket.toString());
            builder.environment().putAll(env);
            Process add = builder.start();
            add.getOutputStream().close();
            String out = new String(add.getInputStream().readAllBytes());
            if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ssh-add (openssh-client installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path script(Path file, String body) {
        write(file, "#!/bin/sh\n" + body + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
