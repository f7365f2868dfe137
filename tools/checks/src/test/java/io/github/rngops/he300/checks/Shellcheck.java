package io.github.rngops.he300.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code shellcheck} binary (Debian package shellcheck, installed by .ci/run) on one file. */
final class Shellcheck {
    private Shellcheck() {
    }

    /** The findings for a script whose shebang names its shell, one per line in gcc format; empty when clean. */
    static String check(Path file) throws IOException, InterruptedException {
        return run(List.of("shellcheck", "--format=gcc", file.toString()));
    }

    /** The findings for a script run by {@code dialect} ({@code bash} or {@code sh}); empty when clean. */
    static String check(Path file, String dialect) throws IOException, InterruptedException {
        return run(List.of("shellcheck", "--shell=" + dialect, "--format=gcc", file.toString()));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("shellcheck is not installed: apt-get install shellcheck (.ci/run does)", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("shellcheck did not finish: " + command);
        }
        return process.exitValue() == 0 ? "" : output.strip();
    }
}
