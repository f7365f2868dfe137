package io.github.rngops.he300.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.core.command.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerTest {
    private final LocalRunner runner = LocalRunner.create();

    @Test
    void streamsLinesAndCollectsOutputAndExitCode() {
        List<String> outLines = new CopyOnWriteArrayList<>();
        List<String> errLines = new CopyOnWriteArrayList<>();

        CommandResult result = runner.run(Command.of("sh", "-c", "echo one; echo two >&2; printf 'three'; exit 3"),
                outLines::add, errLines::add);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.ok()).isFalse();
        assertThat(result.stdout()).isEqualTo("one\nthree");
        assertThat(result.stderr()).isEqualTo("two\n");
        assertThat(outLines).containsExactly("one", "three");
        assertThat(errLines).containsExactly("two");
    }

    @Test
    void passesStdinEnvironmentAndWorkingDirectory(@TempDir Path dir) throws IOException {
        Path real = dir.toRealPath();
        Command command = Command.builder("sh").args("-c", "cat; printf '%s|%s' \"$HE300_X\" \"$(pwd -P)\"")
                .stdin("from stdin\n").secretEnv("HE300_X", "a b'c").workingDir(real).build();

        CommandResult result = runner.runChecked(command);

        assertThat(result.stdout()).isEqualTo("from stdin\na b'c|" + real);
    }

    @Test
    void closesStdinWhenThereIsNone() {
        CommandResult result = runner.runChecked(Command.builder("cat").timeout(Duration.ofSeconds(10)).build());

        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void killsTheWholeProcessTreeOnTimeout() throws Exception {
        List<String> pids = new CopyOnWriteArrayList<>();
        // sh (child) starts another sh (grandchild) which starts sleep (great-grandchild); each prints its pid.
        Command command = Command.builder("sh")
                .args("-c", "echo $$; sh -c 'echo $$; sleep 300 & echo $!; wait' & wait")
                .timeout(Duration.ofMillis(1500)).build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(command, pids::add, line -> { }))
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).reason()).isEqualTo(CommandException.Reason.TIMED_OUT))
                .hasMessageContaining("did not finish within 1500 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(pids).hasSize(3);
        for (String pid : pids) {
            assertThat(running(Long.parseLong(pid))).as("process %s still running", pid).isFalse();
        }
    }

    @Test
    void aMissingProgramIsNotStarted() {
        assertThatThrownBy(() -> runner.run(Command.of("he300-no-such-program")))
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).reason()).isEqualTo(CommandException.Reason.NOT_STARTED))
                .hasMessageContaining("could not start `'he300-no-such-program'`");
    }

    @Test
    void usesSudoOnlyWhenNotRoot() {
        Command command = Command.builder("sh").args("-c", "echo \"$0\"").sudo(true).build();

        assertThat(LocalRunner.builder().root(true).build().runChecked(command).stdout()).isEqualTo("sh\n");
        LocalRunner notRoot = LocalRunner.builder().root(false).sudoPrefix("env", "HE300_SUDO=yes").build();
        Command printsMarker = Command.builder("sh").args("-c", "echo \"$HE300_SUDO\"").sudo(true).build();
        assertThat(notRoot.runChecked(printsMarker).stdout()).isEqualTo("yes\n");
        assertThat(notRoot.runChecked(printsMarker.toBuilder().sudo(false).build()).stdout()).isEqualTo("\n");
    }

    /** Alive and not a zombie (an exited child whose parent has not reaped it runs nothing). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {   // gone: no such file, or "No such process" while /proc is read
            return false;
        }
    }
}
