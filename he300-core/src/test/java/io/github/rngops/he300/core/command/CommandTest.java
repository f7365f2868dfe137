package io.github.rngops.he300.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void rendersDirectorySudoEnvironmentAndQuotedArguments() {
        Command command = Command.builder("wg-quick").args("up", "it's").env("A", "1").workingDir(Path.of("/tmp/x y"))
                .sudo(true).build();

        assertThat(command.shellLine()).isEqualTo("cd '/tmp/x y' && sudo -n -- env 'A=1' 'wg-quick' 'up' 'it'\\''s'");
        assertThat(command.shellLineWithoutSudo()).isEqualTo("cd '/tmp/x y' && env 'A=1' 'wg-quick' 'up' 'it'\\''s'");
    }

    @Test
    void masksSecretsInEveryDisplayButNotInTheShellLine() {
        Command command = Command.builder("tool").arg("--key").secretArg("s3cret").secretEnv("TOKEN", "t0ken")
                .stdin("private").build();

        assertThat(command.displayLine()).isEqualTo("env 'TOKEN=****' 'tool' '--key' '****' <<(7 bytes on stdin)");
        assertThat(command.toString()).isEqualTo(command.displayLine()).doesNotContain("s3cret", "t0ken", "private");
        assertThat(command.shellLine()).contains("'s3cret'", "'TOKEN=t0ken'");
        assertThat(command.argv()).containsExactly("tool", "--key", "s3cret");
    }

    @Test
    void refusesNulBytesNamingTheArgument() {
        assertThatThrownBy(() -> Command.builder("printf").arg("a\0b"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("argument 1 (a\\0b) contains a NUL byte");
        assertThatThrownBy(() -> Command.builder("x").secretArg("k\0"))
                .hasMessageStartingWith("argument 1 contains a NUL byte");
        assertThatThrownBy(() -> Command.builder("x").env("V", "\0"))
                .hasMessageContaining("environment value of V contains a NUL byte");
        assertThatThrownBy(() -> Shell.quote("\0")).isInstanceOf(CommandException.class);
    }

    @Test
    void refusesBadEnvironmentNamesAndTimeouts() {
        assertThatThrownBy(() -> Command.builder("x").env("A=B", "1")).hasMessageContaining("not a valid variable name");
        assertThatThrownBy(() -> Command.builder("x").env("1A", "1")).hasMessageContaining("not a valid variable name");
        assertThatThrownBy(() -> Command.builder("x").timeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Command.builder("").build()).hasMessageContaining("program name");
    }

    @Test
    void wrapsAndCopiesWithoutLosingAnything() {
        Command command = Command.builder("wg").arg("show").secretEnv("K", "v").sudo(true)
                .timeout(Duration.ofSeconds(3)).stdin("in").build();

        Command wrapped = command.wrappedBy("ip", "netns", "exec", "ns1");

        assertThat(wrapped.argv()).containsExactly("ip", "netns", "exec", "ns1", "wg", "show");
        assertThat(wrapped.env()).isEqualTo(command.env());
        assertThat(wrapped.timeout()).contains(Duration.ofSeconds(3));
        assertThat(wrapped.stdin()).hasValueSatisfying(bytes -> assertThat(new String(bytes)).isEqualTo("in"));
        assertThat(command.toBuilder().build()).isEqualTo(command).hasSameHashCodeAs(command);
    }

    @Test
    void resultOrThrowNamesTheCommandMaskedAndTheError() {
        Command command = Command.builder("tool").secretArg("pw").build();
        CommandResult result = new CommandResult(3, "", "line 1\nbad thing\n", Duration.ofMillis(5));

        assertThatThrownBy(() -> result.orThrow(command))
                .isInstanceOf(CommandException.class)
                .hasMessage("`'tool' '****'` exited with code 3: line 1 / bad thing")
                .satisfies(e -> assertThat(((CommandException) e).exitCode()).hasValue(3));
        assertThat(result.toString()).doesNotContain("bad thing");
    }
}
