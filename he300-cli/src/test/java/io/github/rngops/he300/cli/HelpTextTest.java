package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's and subcommand's {@code --help} renders cleanly: exit 0, the text on stdout, nothing on stderr. */
class HelpTextTest {

    /** {@code [script, subcommand...]} for every script and each of its subcommands. */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        for (String script : Scripts.names()) {
            all.add(List.of(script));
            CommandLine line = Cli.commandLine(Scripts.command(script));
            line.getSubcommands().keySet().stream().filter(name -> !name.equals("help"))
                    .forEach(sub -> all.add(List.of(script, sub)));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpRendersWithoutAPicocliWarning(List<String> command) {
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        args.add("--help");
        Scripts.Run run = Scripts.run(command.get(0), "", args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).as("stderr of " + command + " --help").doesNotContain("[picocli WARN]").isEmpty();
        assertThat(run.out()).startsWith("Usage: ").contains("--debug").doesNotContain("%n");
    }
}
