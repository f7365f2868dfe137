package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.report.Leaderboard;
import io.github.rngops.he300.sweep.Host;
import io.github.rngops.he300.sweep.Model;
import io.github.rngops.he300.sweep.Sweep;
import io.github.rngops.he300.sweep.SweepResult;
import io.github.rngops.he300.sweep.SweepRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two measures of a sweep, printed as ratios (not a timed test):
 * <ol>
 *   <li>hosts truly in parallel: a sweep over H simulated hosts of fixed latency takes at most 1.05× the slowest
 *       host's own share (that host's cells run alone), and the per-cell overhead beyond the answers' own time
 *       (cells × size × latency ÷ slots);</li>
 *   <li>a leaderboard of 100 cells × 300 scenarios builds and writes its four files in under a second.</li>
 * </ol>
 * Arguments: {@code [hosts=3] [cellsPerHost=4] [size=60] [latencyMs=20] [slots=4] [rounds=3]}.
 */
public final class SweepScaling {

    private SweepScaling() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = arg(args, 0, 3);
        int cellsPerHost = arg(args, 1, 4);
        int size = arg(args, 2, 60);
        int latencyMs = arg(args, 3, 20);
        int slots = arg(args, 4, 4);
        int rounds = arg(args, 5, 3);
        Dataset dataset = Harness.dataset();
        System.out.println(Harness.load());
        List<Simulator> sims = new ArrayList<>();
        try {
            for (int h = 0; h < hosts; h++) {
                // the last host is the slowest: one more cell than the others
                sims.add(Simulator.start(SimulatorSettings.of(dataset).toBuilder().models("m0", "m1", "m2", "m3",
                        "m4", "m5", "m6", "m7").latency(Latency.fixed(Duration.ofMillis(latencyMs))).parallel(slots)
                        .build()));
            }
            Sweep all = sweep(sims, hosts, cellsPerHost, size, slots, -1);
            Sweep slowest = sweep(sims, hosts, cellsPerHost, size, slots, hosts - 1);
            long together = Harness.medianNanos(rounds, () -> runOnce(all, dataset));
            long alone = Harness.medianNanos(rounds, () -> runOnce(slowest, dataset));
            int slowCells = cellsPerHost + 1;
            double answersOnly = (double) slowCells * Math.ceil((double) size / slots) * latencyMs * 1e6;
            System.out.printf("sweep: %d hosts, %d cells (slowest host %d) x %d scenarios, %d ms fixed latency,"
                    + " %d slots%n", hosts, all.plan().cells().size(), slowCells, size, latencyMs, slots);
            System.out.printf("  all hosts together %.0f ms, slowest host alone %.0f ms: ratio %.3f (target <= 1.05)%n",
                    together / 1e6, alone / 1e6, (double) together / alone);
            System.out.printf("  per-cell overhead beyond the answers' own time: %.1f ms (host share %.0f ms, answers"
                    + " %.0f ms, %d cells)%n", (alone - answersOnly) / slowCells / 1e6, alone / 1e6, answersOnly / 1e6,
                    slowCells);

            SweepResult one = SweepRunner.builder(sweep(sims, hosts, 1, 300, slots, 0).plan(), temp())
                    .dataset(() -> dataset).build().run();
            Harness.check(one.complete(), "the 300-scenario cell did not complete");
            var result = one.cells().get(0).result();
            List<Leaderboard.Entry> entries = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                entries.add(Leaderboard.Entry.of(String.format("cell-%03d", i), result));
            }
            Path out = temp();
            long board = Harness.medianNanos(5, () -> {
                Leaderboard.Builder builder = Leaderboard.builder();
                entries.forEach(builder::entry);
                builder.build().write(out);
            });
            System.out.printf("leaderboard: 100 cells x 300 scenarios built and written (md, html, json, csv) in"
                    + " %.0f ms (median of 5; target < 1000 ms)%n", board / 1e6);
        } finally {
            sims.forEach(Simulator::close);
        }
    }

    /** Each host {@code cellsPerHost} cells (the last one more); {@code only} >= 0 keeps just that host. */
    private static Sweep sweep(List<Simulator> sims, int hosts, int cellsPerHost, int size, int slots, int only) {
        Sweep.Builder b = Sweep.builder().name("bench").sample(io.github.rngops.he300.core.sample.ProtocolVersion.V1_0,
                size, List.of()).seeds(42);
        for (int h = 0; h < hosts; h++) {
            b.host(Host.of("h" + h, TargetKind.OLLAMA, sims.get(h).baseUri().toString()).withConcurrency(slots));
        }
        for (int m = 0; m < 8; m++) {
            b.model(Model.of("m" + m));
        }
        for (int h = 0; h < hosts; h++) {
            if (only >= 0 && h != only) {
                continue;
            }
            int cells = h == hosts - 1 ? cellsPerHost + 1 : cellsPerHost;
            for (int c = 0; c < cells; c++) {
                b.cell("h" + h, "m" + c, 42);
            }
        }
        return b.build();
    }

    private static void runOnce(Sweep sweep, Dataset dataset) {
        SweepResult result = SweepRunner.builder(sweep.plan(), temp()).dataset(() -> dataset).build().run();
        Harness.check(result.complete(), "a cell did not complete: " + result.cells());
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("he300-sweep-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
