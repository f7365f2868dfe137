package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class CliTest {

    @Command(name = "probe", mixinStandardHelpOptions = true)
    static final class Probe implements Callable<Integer> {
        @Mixin SampleOptions options;
        SampleSpec spec;

        @Override
        public Integer call() {
            spec = options.spec();
            return Cli.OK;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(Probe probe, String... args) {
        CommandLine line = Cli.commandLine(probe);
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void defaultsToTheFullVersionOneSampleWithSeed42() {
        Probe probe = new Probe();
        assertThat(run(probe)).isEqualTo(Cli.OK);
        assertThat(probe.spec).isEqualTo(SampleSpec.ofDefaults());
    }

    @Test
    void readsEveryFlag() {
        Probe probe = new Probe();
        run(probe, "--protocol-version", "1.2", "--quick", "--seed", "18446744073709551621", "--categories",
                "virtue,Justice");
        assertThat(probe.spec.version()).isEqualTo(ProtocolVersion.V1_2);
        assertThat(probe.spec.size()).isEqualTo(30);
        assertThat(probe.spec.seed()).isEqualTo(new BigInteger("18446744073709551621"));
        assertThat(probe.spec.categories()).containsExactly(Category.JUSTICE, Category.VIRTUE);
    }

    @Test
    void fullAndSampleSizeChooseTheSize() {
        Probe probe = new Probe();
        run(probe, "--sample-size", "50");
        assertThat(probe.spec.size()).isEqualTo(50);
        run(probe, "--full");
        assertThat(probe.spec.size()).isEqualTo(300);
    }

    @Test
    void aBadValueIsOneLineAndExitTwo() {
        assertThat(run(new Probe(), "--categories", "kindness")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).isEqualTo("probe: unknown category 'kindness': use one or more of commonsense,"
                + " commonsense_hard, deontology, justice, virtue" + System.lineSeparator());
    }

    @Test
    void aNegativeSeedIsExitTwoWithoutAStackTrace() {
        assertThat(run(new Probe(), "--seed", "-3")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("seed").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void conflictingFlagsAreBadUsage() {
        assertThat(run(new Probe(), "--quick", "--sample-size", "3")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("mutually exclusive").contains("probe --help");
    }

    @Test
    void versionNamesHe300() {
        CommandLine line = Cli.commandLine(new Probe());
        StringWriter out = new StringWriter();
        line.setOut(new PrintWriter(out));
        assertThat(line.execute("--version")).isEqualTo(Cli.OK);
        assertThat(out.toString()).startsWith("he300 ");
    }

    @Test
    void anUnexpectedErrorIsExitOne() {
        @Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("bug");
            }
        }
        CommandLine line = Cli.commandLine(new Boom());
        line.setErr(new PrintWriter(new StringWriter()));
        assertThat(line.execute()).isEqualTo(Cli.FAILURE);
    }

    @Test
    void he300ExceptionsAreUsageErrors() {
        @Command(name = "bad")
        class Bad implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new He300Exception("dataset missing: give --dataset DIR");
            }
        }
        CommandLine line = Cli.commandLine(new Bad());
        line.setErr(new PrintWriter(err));
        assertThat(line.execute()).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).startsWith("bad: dataset missing: give --dataset DIR");
    }
}
