package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void reproHighConcurrency() throws Exception {
        int code = run("--simulate", "--sample-size", "3000", "--concurrency", "1024", "--fail-fast", "0", "--simulate-latency-ms", "20");
        System.out.println("REPRO code " + code + "\n" + out + "\n" + err);
    }
}
