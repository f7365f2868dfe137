package io.github.rngops.he300.provision.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link StackFile#installCommand} with the local {@code sh}: atomic write, mode, backup of a changed secret. */
class InstallScriptTest {

    private static String run(Command command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command.argv());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        process.getOutputStream().write(command.stdin().orElseThrow());
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void writesWithModeKeepsABackupOfAChangedSecretAndReportsUnchanged(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("stack/.env");
        StackFile first = new StackFile(env.toString(), "A='1'\n", 0600, true);
        StackFile second = new StackFile(env.toString(), "A='2'\n", 0600, true);
        Instant when = Instant.parse("2025-01-02T03:04:05Z");

        assertThat(run(first.installCommand(false, when))).isEqualTo("changed");
        assertThat(run(first.installCommand(false, when))).isEqualTo("unchanged");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(run(second.installCommand(false, when))).isEqualTo("changed");

        assertThat(Files.readString(env)).isEqualTo("A='2'\n");
        assertThat(Files.readString(Path.of(second.backupPath(when)))).isEqualTo("A='1'\n");
        try (Stream<Path> files = Files.list(env.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".env",
                    ".env.bak-20250102T030405Z");
        }
    }
}
