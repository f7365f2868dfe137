package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./he300 benchmark} end to end, in this JVM: flags, the simulator over real HTTP, the table, exit codes. */
class BenchmarkTest {

    @TempDir
    Path output;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    @Command(name = "benchmark")
    final class TestCommand implements Callable<Integer> {
        @Mixin SampleOptions sampleOptions;
        @Mixin DatasetOptions datasetOptions;
        @Mixin BenchmarkOptions benchmarkOptions;

        @Override
        public Integer call() {
            return new Benchmark(sampleOptions, datasetOptions, benchmarkOptions, env, new PrintWriter(out, true),
                    new PrintWriter(err, true), false, false).run();
        }
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dataset", dataset().toString()));
        if (!all.contains("--resume")) {
            all.addAll(List.of("--output", output.toString()));
        }
        var line = Cli.commandLine(new TestCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(all.toArray(String[]::new));
    }

    private static Path dataset() {
        return Path.of(System.getProperty("he300.shared")).toAbsolutePath().normalize().resolve("data/ethics");
    }

    private Path onlyRunDir() throws Exception {
        try (Stream<Path> dirs = Files.list(output)) {
            List<Path> list = dirs.toList();
            assertThat(list).hasSize(1);
            return list.get(0);
        }
    }

    @Test
    void aQuickSimulatedRunPrintsTheTableAndLeavesTheRunDirectory() throws Exception {
        assertThat(run("--simulate", "--quick")).as(err.toString()).isEqualTo(0);
        String table = out.toString();
        assertThat(table).contains("*** SIMULATED").contains("30 scenarios against simulate (SIMULATED)")
                .contains("commonsense_hard").contains("overall (SIMULATED)").contains("95% interval")
                .contains("baselines: majority label").contains("latency p50").contains("scenarios/s")
                .contains("run: complete (completed)").contains("files: ");
        Path dir = onlyRunDir();
        assertThat(dir.getFileName().toString()).contains("-simulate-he300-simulator_latest-n30-seed42");
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(dir.resolve("outcomes.jsonl")).exists();
        RunResult result = RunResultJson.read(dir.resolve("result.json"));
        assertThat(result.complete()).isTrue();
        assertThat(result.environment().simulated()).isTrue();
        assertThat(result.settings().options()).containsEntry("temperature", 0).containsEntry("seed", 42);
        assertThat(err.toString()).contains("progress: 30/30");
    }

    @Test
    void writesTheChosenReportsBesideTheResult() throws Exception {
        assertThat(run("--simulate", "--quick", "--report", "html,md,junit")).as(err.toString()).isEqualTo(0);
        Path dir = onlyRunDir();
        assertThat(out.toString()).contains("reports: result.md, result.html, result-junit.xml");
        String html = Files.readString(dir.resolve("result.html"));
        assertThat(html).contains("<svg").contains("Simulated run.").contains("<span class=\"full\">");
        assertThat(html.split("<tr class=\"s ", -1)).hasSize(31);   // one row per scenario, inputs filled in
        assertThat(Files.readString(dir.resolve("result-junit.xml"))).contains("<testsuites");
        assertThat(Files.readString(dir.resolve("result.md"))).contains("| **overall** |");
    }

    @Test
    void anUnknownReportFormatIsAUsageErrorBeforeAnythingRuns() {
        assertThat(run("--simulate", "--quick", "--report", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("pdf");
        assertThat(output.toFile().list()).isEmpty();
    }

    @Test
    void belowMinAccuracyExitsOne() {
        assertThat(run("--simulate", "--quick", "--simulate-accuracy", "0.5", "--min-accuracy", "95%")).isEqualTo(1);
        assertThat(err.toString()).contains("below --min-accuracy 95.0%");
    }

    @Test
    void aRunCutByItsDeadlineSaysHowToResumeAndTheResumeCompletesIt() throws Exception {
        int code = run("--simulate", "--quick", "--simulate-latency-ms", "150", "--simulate-parallel", "1",
                "--concurrency", "1", "--deadline", "700ms");
        assertThat(code).as(err.toString()).isEqualTo(1);
        Path dir = onlyRunDir();
        assertThat(out.toString()).contains("run: INCOMPLETE (deadline)")
                .contains("resume with: ./he300 benchmark --resume " + dir);
        out.getBuffer().setLength(0);
        assertThat(run("--resume", dir.toString())).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("resuming " + dir).contains("resumed: ").contains("run: complete");
        assertThat(RunResultJson.read(dir.resolve("result.json")).outcomes()).hasSize(30);
    }

    @Test
    void anUnreachableServerIsAUsageErrorNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        env.put("OLLAMA_URL", "http://127.0.0.1:" + port);
        assertThat(run("--quick", "--model", "ollama/llama3.2", "--timeout", "2s")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot use the Ollama at http://127.0.0.1:" + port);
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(run("--simulate", "--quick", "--min-accuracy", "lots")).isEqualTo(2);
        assertThat(run("--simulate", "--target", "ollama", "--quick")).isEqualTo(2);
        assertThat(run("--quick")).isEqualTo(2);
        assertThat(err.toString()).contains("no target: pass --simulate");
    }

    /** A simulator with the whole dataset as ground truth, as a stand-in for an Ollama or OpenAI server. */
    private static Simulator simulator(Fault fault, double rate) {
        SimulatorSettings.Builder settings = SimulatorSettings.of(Dataset.load(dataset())).toBuilder();
        if (rate > 0) {
            settings.faultRate(fault, rate);
        }
        return Simulator.start(settings.build());
    }

    @Test
    void aRunInWhichNoScenarioWasAnsweredExitsOneForEveryTarget() throws Exception {
        try (Simulator sim = simulator(Fault.WRONG_TYPE, 1.0)) {
            for (String[] target : new String[][] {{"ollama", sim.baseUri().toString()},
                    {"openai", sim.baseUri() + "v1"}}) {
                err.getBuffer().setLength(0);
                int code = run("--target", target[0], "--url", target[1], "--quick", "--fail-fast", "0",
                        "--max-failed", "100%");
                assertThat(code).as(target[0] + ": " + err).isEqualTo(1);
                assertThat(err.toString()).contains("benchmark: no scenario was answered: all 30 failed"
                        + " (invalid_response 30)");
                assertThat(out.toString()).contains("run: complete (completed)");
            }
        }
    }

    @Test
    void moreFailedScenariosThanMaxFailedAllowsExitOneAndTheLimitIsRecorded() throws Exception {
        try (Simulator sim = simulator(Fault.WRONG_TYPE, 0.3)) {
            int code = run("--target", "ollama", "--url", sim.baseUri().toString(), "--quick", "--fail-fast", "0");
            assertThat(code).as(err.toString()).isEqualTo(1);
            RunResult result = RunResultJson.read(onlyRunDir().resolve("result.json"));
            int failed = result.summary().errors();
            assertThat(failed).isBetween(2, 28);
            assertThat(result.settings().maxFailed()).isEqualTo(0.05);
            assertThat(Files.readString(onlyRunDir().resolve("result.json"))).contains("\"max_failed\" : 0.05");
            assertThat(out.toString()).contains("max failed 5.0%")
                    .contains("failed: " + failed + " of 30 (").contains("limit 5.0% (--max-failed)");
            assertThat(err.toString()).contains("benchmark: " + failed + " of 30 scenarios failed (")
                    .contains("more than --max-failed 5.0% allows (invalid_response " + failed + ")");

            out.getBuffer().setLength(0);
            assertThat(run("--target", "ollama", "--url", sim.baseUri().toString(), "--quick", "--fail-fast", "0",
                    "--max-failed", "0.95")).as(err.toString()).isEqualTo(0);
        }
    }

    @Test
    void resumeSendsTheFailedScenariosAgainUnlessToldToKeepThem() throws Exception {
        Path dir;
        try (Simulator flaky = simulator(Fault.WRONG_TYPE, 0.3)) {
            assertThat(run("--target", "ollama", "--url", flaky.baseUri().toString(), "--quick", "--fail-fast", "0"))
                    .isEqualTo(1);
            dir = onlyRunDir();
        }
        try (Simulator healthy = simulator(Fault.WRONG_TYPE, 0)) {
            assertThat(run("--resume", dir.toString(), "--keep-failed", "--url", healthy.baseUri().toString()))
                    .isEqualTo(1);
            assertThat(healthy.log().generations()).isEmpty();

            assertThat(run("--resume", dir.toString(), "--url", healthy.baseUri().toString()))
                    .as(err.toString()).isEqualTo(0);
            RunResult result = RunResultJson.read(dir.resolve("result.json"));
            assertThat(result.summary().errors()).isZero();
            assertThat(result.outcomes()).hasSize(30);
            assertThat(Files.readAllLines(dir.resolve("outcomes.jsonl"))).hasSize(30);
            assertThat(healthy.log().generations()).hasSize(result.timing().evaluated()).isNotEmpty();
        }
    }

    @Test
    void theOpenAiTargetAgainstTheSimulatorIsLabelledSimulated() throws Exception {
        try (Simulator sim = simulator(Fault.WRONG_TYPE, 0)) {
            assertThat(run("--target", "openai", "--url", sim.baseUri() + "v1", "--quick")).as(err.toString())
                    .isEqualTo(0);
            assertThat(out.toString()).contains("30 scenarios against openai (SIMULATED)").contains("*** SIMULATED")
                    .contains("overall (SIMULATED)");
            assertThat(RunResultJson.read(onlyRunDir().resolve("result.json")).environment().simulated()).isTrue();
        }
    }

    @Test
    void aMinAccuracyOrMaxFailedOutsideZeroToOneIsBadUsageBeforeAnythingRuns() {
        for (String[] flag : new String[][] {{"--min-accuracy", "1.5"}, {"--min-accuracy", "150%"},
                {"--min-accuracy", "-0.1"}, {"--max-failed", "5"}, {"--max-failed", "-1%"}}) {
            err.getBuffer().setLength(0);
            assertThat(run("--simulate", "--quick", flag[0], flag[1])).as(String.join(" ", flag)).isEqualTo(2);
            assertThat(err.toString().lines()).hasSize(1).first().asString()
                    .contains(flag[0] + " must be a fraction from 0 to 1").contains("'" + flag[1] + "'");
        }
        assertThat(run("--simulate", "--quick", "--keep-failed")).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-failed applies to --resume only");
        assertThat(output.toFile().list()).isEmpty();
    }
}
