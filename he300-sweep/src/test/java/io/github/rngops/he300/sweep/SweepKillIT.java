package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep in a child JVM killed with -9 mid-cell, then {@code --resume}: nothing re-run, no answer lost or doubled. */
class SweepKillIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void resumeAfterKillNineRerunsNothingCompletedAndLosesOrDoublesNoScenario() throws Exception {
        try (Simulator a = Hosts.start(Hosts.simulator(0, 0.9, 40, 2, 1, "m1", "m2"));
                Simulator b = Hosts.start(Hosts.simulator(0, 0.6, 40, 2, 2, "m1", "m2"))) {
            Path file = dir.resolve("sweep.yaml");
            Files.writeString(file, "name: kill\nhosts:\n"
                    + "  a: {kind: ollama, url: '" + a.baseUri() + "', concurrency: 2}\n"
                    + "  b: {kind: ollama, url: '" + b.baseUri() + "', concurrency: 2}\n"
                    + "models: [m1, m2]\nseeds: [42, 7]\nsample: {size: 30}\n");
            Path out = dir.resolve("out");
            SweepPlan plan = Sweep.read(file).plan();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SweepChild.class.getName(), file.toString(),
                    "--output", out.toString(), "--dataset", Hosts.datasetDirectory().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!midway(plan, out)) {
                assertThat(child.isAlive()).as("the child ended before it could be killed: "
                        + Files.readString(dir.resolve("child.log"))).isTrue();
                assertThat(System.nanoTime()).as("a cell done and one half-way within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            child.destroyForcibly().waitFor();         // SIGKILL: no shutdown hook, no flush

            Map<Cell, FileTime> doneBefore = new HashMap<>();
            for (Cell cell : plan.cells()) {
                Path result = SweepRunner.cellDirectory(out, cell).resolve("result.json");
                if (CellRunner.complete(SweepRunner.cellDirectory(out, cell))) {
                    doneBefore.put(cell, Files.getLastModifiedTime(result));
                }
            }
            assertThat(doneBefore).isNotEmpty().hasSizeLessThan(plan.cells().size());

            SweepResult resumed = SweepRunner.builder(plan, out).dataset(Hosts::dataset).resume(true).build().run();

            assertThat(resumed.complete()).isTrue();
            assertThat(resumed.count(CellReport.Status.ALREADY_COMPLETE)).isEqualTo(doneBefore.size());
            for (Map.Entry<Cell, FileTime> done : doneBefore.entrySet()) {
                assertThat(Files.getLastModifiedTime(SweepRunner.cellDirectory(out, done.getKey())
                        .resolve("result.json"))).isEqualTo(done.getValue());
            }
            int scenarios = 0;
            for (Cell cell : plan.cells()) {
                Path cellDir = SweepRunner.cellDirectory(out, cell);
                RunResult result = RunResultJson.read(cellDir.resolve("result.json"));
                assertThat(result.outcomes()).hasSize(30);
                List<String> journaled = new ArrayList<>();
                for (String line : Files.readAllLines(cellDir.resolve("outcomes.jsonl"))) {
                    if (!line.isBlank()) {
                        journaled.add(JSON.readTree(line).get("scenario_id").asText());
                    }
                }
                Set<String> unique = new HashSet<>(journaled);
                assertThat(unique).as("no answer doubled in " + cell.id()).hasSize(journaled.size());
                assertThat(unique).as("no scenario lost in " + cell.id())
                        .containsExactlyInAnyOrderElementsOf(result.spec().scenarioIds());
                scenarios += 30;
            }
            // what was in flight at the kill (at most 2 per host) may have been asked twice, nothing more
            int asked = a.log().generations().size() + b.log().generations().size();
            assertThat(asked).isBetween(scenarios, scenarios + 4);
        }
    }

    /** A cell complete and another with some, not all, of its outcomes journaled. */
    private static boolean midway(SweepPlan plan, Path out) throws Exception {
        boolean done = false;
        boolean partial = false;
        for (Cell cell : plan.cells()) {
            Path cellDir = SweepRunner.cellDirectory(out, cell);
            if (Files.exists(cellDir.resolve("result.json"))) {
                done = true;
            } else if (Files.exists(cellDir.resolve("outcomes.jsonl"))
                    && Files.readAllLines(cellDir.resolve("outcomes.jsonl")).size() >= 5) {
                partial = true;
            }
        }
        return done && partial;
    }
}
