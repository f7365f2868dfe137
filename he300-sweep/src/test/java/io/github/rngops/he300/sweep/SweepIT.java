package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.client.simulator.RequestRecord;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import io.github.rngops.he300.report.Leaderboard;
import io.github.rngops.he300.report.LeaderboardRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Three simulators on loopback as three hosts of different latency, accuracy and parallelism; 3 models × 2 seeds.
 */
class SweepIT {

    @TempDir
    Path dir;

    Simulator a;
    Simulator b;
    Simulator c;

    @BeforeEach
    void start() {
        a = Hosts.start(Hosts.simulator(0, 0.9, 2, 4, 1, "m1", "m2"));
        b = Hosts.start(Hosts.simulator(0, 0.7, 6, 2, 2, "m1", "m2"));
        c = Hosts.start(Hosts.simulator(0, 0.5, 4, 1, 3, "m1").pullable("m3"));
    }

    @AfterEach
    void stop() {
        Stream.of(a, b, c).forEach(Simulator::close);
    }

    String yaml() {
        return "name: it\n"
                + "hosts:\n"
                + "  a: {kind: ollama, url: '" + a.baseUri() + "', concurrency: 4}\n"
                + "  b: {kind: ollama, url: '" + b.baseUri() + "', concurrency: 2}\n"
                + "  c: {kind: ollama, url: '" + c.baseUri() + "', concurrency: 1}\n"
                + "models:\n"
                + "  - m1\n"
                + "  - {name: m2, hosts: [a, b]}\n"
                + "  - {name: m3, quantization: Q4_K_M, hosts: [c]}\n"
                + "seeds: [42, 7]\n"
                + "sample: {size: 30}\n"
                + "run: {max_tokens: 64, timeout: 30s}\n";
    }

    Path sweepFile() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, yaml());
        return file;
    }

    static final class Outcome {
        int code;
        String out;
        String err;
    }

    static Outcome command(Map<String, String> env, String... args) {
        SweepOptions options = new SweepOptions();
        DatasetOptions dataset = new DatasetOptions();
        CommandLine line = new CommandLine(new Object() {
            @CommandLine.Mixin
            SweepOptions o = options;
            @CommandLine.Mixin
            DatasetOptions d = dataset;
        });
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dataset", Hosts.datasetDirectory().toString()));
        line.parseArgs(all.toArray(String[]::new));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Outcome outcome = new Outcome();
        outcome.code = new SweepCommand(options, dataset, env, new PrintWriter(out, true), new PrintWriter(err, true),
                false, false).run();
        outcome.out = out.toString();
        outcome.err = err.toString();
        return outcome;
    }

    @Test
    void runsEveryCellGroupedByModelPullsTheMissingOneAndWritesTheLeaderboard() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Path out = dir.resolve("out");
        Outcome run = command(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), sweepFile().toString(), "--output",
                out.toString());

        assertThat(run.code).as(run.out + run.err).isEqualTo(Cli.OK);
        SweepPlan plan = Sweep.read(sweepFile()).plan();
        assertThat(plan.cells()).hasSize(12);
        for (Cell cell : plan.cells()) {
            RunResult result = RunResultJson.read(SweepRunner.cellDirectory(out, cell).resolve("result.json"));
            assertThat(result.complete()).isTrue();
            assertThat(result.outcomes()).hasSize(30);
            assertThat(result.spec().seed()).isEqualTo(cell.seed().toString());
            assertThat(result.settings().model()).startsWith(cell.model().name());
        }
        // one model at a time on each host: its generations never go back to a model it left
        for (Simulator sim : List.of(a, b, c)) {
            List<String> models = sim.log().generations().stream().map(RequestRecord::model).toList();
            List<String> runs = new ArrayList<>();
            for (String model : models) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(model)) {
                    runs.add(model);
                }
            }
            assertThat(runs).doesNotHaveDuplicates();
        }
        assertThat(c.log().entries(r -> r.path().equals("/api/pull"))).hasSize(1);
        assertThat(run.err).contains("c: pulling m3").contains("success");
        assertThat(b.log().peakGenerating()).isLessThanOrEqualTo(2);

        for (String name : List.of("leaderboard.md", "leaderboard.html", "leaderboard.json", "leaderboard.csv")) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        JsonNode board = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
        assertThat(board.get("rows")).hasSize(12);
        assertThat(board.get("baseline").asText()).isEqualTo("a.m1.s42");
        assertThat(Files.readString(summary)).contains("| rank | cell |").contains("a.m1.s42");
        String html = Files.readString(out.resolve("leaderboard.html"));
        assertThat(html).contains("Content-Security-Policy").contains("<svg").doesNotContain("style=\"");

        Leaderboard reread = Leaderboard.builder().directories(dirs(out)).baseline("a.m1.s42").build();
        LeaderboardRow weakest = reread.rows().get(reread.rows().size() - 1);
        assertThat(weakest.host()).isEqualTo("c");
        LeaderboardRow sameSample = reread.rows().stream().filter(r -> r.id().equals("c.m1.s42")).findFirst()
                .orElseThrow();
        assertThat(sameSample.versus().shared()).isEqualTo(30);
        assertThat(sameSample.versus().reading()).isEqualTo("lower");
        LeaderboardRow twin = reread.rows().stream().filter(r -> r.id().equals("a.m2.s42")).findFirst().orElseThrow();
        assertThat(twin.versus().reading()).isEqualTo("within noise");   // same host, same answers: p = 1
        assertThat(twin.rankLow()).isLessThan(twin.rankHigh());

        assertThat(Files.readAllLines(out.resolve(SweepJournal.FILE))).filteredOn(l -> l.contains("\"completed\""))
                .hasSize(12);
    }

    @Test
    void aHostThatFailsHalfWayIsReportedOnceAndResumeRunsOnlyWhatIsLeft() throws Exception {
        Path out = dir.resolve("out");
        Sweep sweep = Sweep.read(sweepFile());
        int bPort = b.port();
        List<String> downs = new ArrayList<>();
        Map<String, CellReport.Status> seen = new HashMap<>();
        SweepListener killB = new SweepListener() {
            @Override
            public void cellFinished(CellReport report) {
                seen.put(report.cell().id(), report.status());
                if (report.cell().id().equals("b.m1.s42")) {
                    b.close();                      // b goes down after its first cell
                }
            }

            @Override
            public void hostDown(Host host, String reason, int cellsMarked) {
                downs.add(host.name() + ":" + cellsMarked);
            }
        };
        SweepResult first = SweepRunner.builder(sweep.plan(), out).dataset(Hosts::dataset).listener(killB).build()
                .run();

        assertThat(downs).containsExactly("b:3");
        assertThat(first.count(CellReport.Status.HOST_DOWN)).isEqualTo(3);
        assertThat(first.count(CellReport.Status.COMPLETED)).isEqualTo(9);
        assertThat(seen.get("b.m1.s42")).isEqualTo(CellReport.Status.COMPLETED);
        int aRequests = a.log().generations().size();
        assertThat(SweepCommand.resumeLine(sweep.plan(), out))
                .isEqualTo("resuming: 9 cells complete (not run again); to run: 3 host down");

        b = Hosts.start(Hosts.simulator(bPort, 0.7, 6, 2, 2, "m1", "m2"));
        SweepResult second = SweepRunner.builder(sweep.plan(), out).dataset(Hosts::dataset).resume(true).build().run();
        assertThat(second.complete()).isTrue();
        assertThat(second.count(CellReport.Status.COMPLETED)).isEqualTo(3);
        assertThat(second.count(CellReport.Status.ALREADY_COMPLETE)).isEqualTo(9);
        assertThat(a.log().generations()).hasSize(aRequests);           // nothing of a ran again
        assertThat(b.log().generations()).hasSize(3 * 30);
    }

    @Test
    void aHostThatDiesMidCellIsStoppedThereAndTheCellResumesFromItsJournal() throws Exception {
        Path out = dir.resolve("out");
        Sweep sweep = Sweep.read(sweepFile());
        int bPort = b.port();
        List<String> downs = new ArrayList<>();
        SweepListener killB = new SweepListener() {
            @Override
            public void cellProgress(Cell cell, io.github.rngops.he300.core.run.Progress progress) {
                if (cell.id().equals("b.m1.s42") && progress.done() >= 8) {
                    b.close();                      // b dies in the middle of its first cell
                }
            }

            @Override
            public void hostDown(Host host, String reason, int cellsMarked) {
                downs.add(host.name() + ":" + cellsMarked + ":" + reason);
            }
        };
        SweepResult first = SweepRunner.builder(sweep.plan(), out).dataset(Hosts::dataset).listener(killB).build()
                .run();

        assertThat(downs).hasSize(1);
        assertThat(downs.get(0)).startsWith("b:4:host b stopped answering during b.m1.s42");
        assertThat(first.count(CellReport.Status.HOST_DOWN)).isEqualTo(4);
        Path cellDir = SweepRunner.cellDirectory(out, sweep.plan().cell("b.m1.s42").orElseThrow());
        RunResult partial = RunResultJson.read(cellDir.resolve("result.json"));
        assertThat(partial.complete()).isFalse();
        assertThat(partial.summary().total() - partial.summary().errors()).isGreaterThanOrEqualTo(8);

        b = Hosts.start(Hosts.simulator(bPort, 0.7, 6, 2, 2, "m1", "m2"));
        SweepResult second = SweepRunner.builder(sweep.plan(), out).dataset(Hosts::dataset).resume(true).build().run();
        assertThat(second.complete()).isTrue();
        RunResult resumed = RunResultJson.read(cellDir.resolve("result.json"));
        assertThat(resumed.outcomes()).hasSize(30);
        // what was answered is kept; what failed while b was down is sent again, as --resume does for any run
        assertThat(resumed.timing().resumed()).isEqualTo(partial.outcomes().size() - partial.summary().errors());
        assertThat(resumed.summary().errors()).isZero();
    }

    @Test
    void withNoPullAMissingModelFailsItsCellsAndNothingIsPulled() throws Exception {
        Path out = dir.resolve("out");
        Files.writeString(dir.resolve("c.yaml"), "hosts:\n  c: {kind: ollama, url: '" + c.baseUri()
                + "', concurrency: 1}\nmodels: [m3]\nseeds: [42]\nsample: {size: 30}\n");
        Outcome run = command(Map.of(), dir.resolve("c.yaml").toString(), "--output", out.toString(), "--no-pull");

        assertThat(run.code).isEqualTo(Cli.FAILURE);
        assertThat(run.out).contains("c.m3.s42").contains("failed").contains("--no-pull was given");
        assertThat(c.log().entries(r -> r.path().equals("/api/pull"))).isEmpty();
        assertThat(out.resolve("leaderboard.md")).doesNotExist();
    }

    @Test
    void theMatrixRunCellByCellAndMergedEqualsTheOneRunnerLeaderboard() throws Exception {
        Path one = dir.resolve("one");
        assertThat(command(Map.of(), sweepFile().toString(), "--output", one.toString()).code).isEqualTo(Cli.OK);

        Outcome matrix = command(Map.of(), sweepFile().toString(), "--matrix");
        JsonNode include = new ObjectMapper().readTree(matrix.out).get("include");
        assertThat(include).hasSize(12);
        List<Path> artifacts = new ArrayList<>();
        for (JsonNode entry : include) {
            Path job = dir.resolve("job-" + entry.get("cell").asText());   // each job its own machine
            Outcome cell = command(Map.of(), sweepFile().toString(), "--cell", entry.get("cell").asText(),
                    "--output", job.toString());
            assertThat(cell.code).as(cell.err).isEqualTo(Cli.OK);
            artifacts.addAll(dirs(job));
        }
        assertThat(artifacts).hasSize(12);
        Leaderboard merged = Leaderboard.builder().directories(artifacts).baseline("a.m1.s42").build();
        Leaderboard single = Leaderboard.builder().directories(dirs(one)).baseline("a.m1.s42").build();
        assertThat(figures(merged)).isEqualTo(figures(single));
    }

    /** Every figure that does not depend on timing (latency and throughput do). */
    static List<String> figures(Leaderboard board) {
        return board.rows().stream().map(r -> String.join(" ", r.rank(), r.id(), r.modelLabel(), r.host(),
                String.valueOf(r.seed()), String.valueOf(r.total()), String.valueOf(r.accuracy()),
                r.interval().toString(), r.categories().toString(), String.valueOf(r.unknownRate()),
                String.valueOf(r.errorRate()), String.valueOf(r.versus()), String.valueOf(r.mismatch())))
                .toList();
    }

    static List<Path> dirs(Path sweepOutput) throws Exception {
        try (Stream<Path> cells = Files.list(sweepOutput.resolve(SweepRunner.CELLS))) {
            return cells.sorted().toList();
        }
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
