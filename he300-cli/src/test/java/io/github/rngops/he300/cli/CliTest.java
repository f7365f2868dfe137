package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
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

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        RuntimeException error = new IllegalStateException("bug");

        @Override
        public Integer call() {
            throw error;
        }
    }

    private int runBoom(RuntimeException error, Map<String, String> env, String... args) {
        Boom boom = new Boom();
        boom.error = error;
        CommandLine line = Cli.commandLine(boom, env);
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void anUnexpectedErrorIsExitOneInOneLineWithoutTheTypeOrTrace() {
        assertThat(runBoom(new IllegalStateException("bug"), Map.of())).isEqualTo(Cli.FAILURE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("boom: bug (unexpected; --debug or HE300_DEBUG=1 shows where)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void debugOrHe300DebugAddsTheStackTrace() {
        assertThat(runBoom(new IllegalStateException("bug"), Map.of(), "--debug")).isEqualTo(Cli.FAILURE);
        assertThat(err.toString()).contains("java.lang.IllegalStateException: bug").contains("\tat ");
        err.getBuffer().setLength(0);
        assertThat(runBoom(new He300Exception("bad input"), Map.of("HE300_DEBUG", "1"))).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).startsWith("boom: bad input").contains("\tat ");
    }

    @Test
    void aRefusedArgumentOrAnUnreadableFileIsBadUsage() {
        assertThat(runBoom(new IllegalArgumentException("port must be 1..65535, was 0"), Map.of()))
                .isEqualTo(Cli.USAGE);
        assertThat(runBoom(new UncheckedIOException("cannot write /x", new IOException("denied")), Map.of()))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString()).isEqualTo("boom: port must be 1..65535, was 0" + System.lineSeparator()
                + "boom: cannot write /x" + System.lineSeparator());
    }

    @Test
    void noMessageShowsAJavaTypeName() {
        runBoom(new He300Exception("read failed: io.github.rngops.he300.core.He300Exception: the file is empty"),
                Map.of());
        runBoom(new IllegalStateException(null, new java.net.ConnectException()), Map.of());
        assertThat(err.toString()).contains("boom: read failed: the file is empty").contains("boom: connect (")
                .doesNotContain("He300Exception").doesNotContain("java.");
        assertThat(UserMessage.clean("Cannot construct instance of `com.fasterxml.jackson.databind.DeserializationConfig`"
                + " (through reference chain: a.B[\"x\"])")).isEqualTo("Cannot construct instance of");
    }

    @Command(name = "wait")
    static final class Wait implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--for")
        java.time.Duration duration;

        @Override
        public Integer call() {
            return Cli.OK;
        }
    }

    @Test
    void everyDurationOptionTakesTheSameForms() {
        for (String form : List.of("90s", "90", "1.5m", "PT1M30S")) {
            Wait wait = new Wait();
            assertThat(Cli.commandLine(wait).execute("--for", form)).isEqualTo(Cli.OK);
            assertThat(wait.duration).isEqualTo(java.time.Duration.ofSeconds(90));
        }
        CommandLine line = Cli.commandLine(new Wait());
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--for", "soon")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).startsWith("wait: Invalid value for option '--for': 'soon' is not a duration: use 90"
                + " (seconds), 90s, 500ms, 5m, 2h or ISO-8601 like PT3M").doesNotContain("java.")
                .doesNotContain("Exception");
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
