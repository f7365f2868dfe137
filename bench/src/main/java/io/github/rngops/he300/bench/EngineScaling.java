package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.sample.Sample;
import java.time.Duration;
import java.util.Arrays;

/**
 * How the engine scales: 300 scenarios against the simulator with a fixed 20 ms latency at simulator parallel = engine
 * concurrency = 1, 4, 8, 16, 32, 64. The ideal wall time falls linearly ({@code 300 × 20 ms ÷ c}); the table shows
 * where the measured one stops following it, beside the CPU floor ({@code 300 × CPU per request ÷ cores}: client,
 * engine and simulator share this process and the machine's cores).
 *
 * <p>The JIT is warmed once (three runs at concurrency 8), each level gets one warm-up run of a smaller sample (its
 * connections), then the median of {@code rounds} runs.
 *
 * <p>Run: {@code HE300_DATASET=... java -cp bench/target/benchmarks.jar io.github.rngops.he300.bench.EngineScaling
 * [rounds=5] [levels=1,4,8,16,32,64]}.
 */
public final class EngineScaling {

    private static final int SIZE = 300;
    private static final int LATENCY_MS = 20;

    public static void main(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] levels = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 4, 8, 16, 32, 64};
        Dataset dataset = Harness.dataset();
        Sample sample = Harness.sample(dataset, SIZE);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("EngineScaling: %d scenarios, latency %d ms fixed, parallel = concurrency; median of %d"
                + " rounds; %s%n", SIZE, LATENCY_MS, rounds, Harness.load());
        warmUp(dataset, sample);
        System.out.printf("%n%6s %10s %10s %8s %10s %12s %10s %10s%n", "c", "ideal ms", "wall ms", "÷ ideal",
                "speed-up", "CPU ms/req", "CPU floor", "peak slots");
        double first = Double.NaN;
        for (int c : levels) {
            Level level = level(dataset, sample, c, rounds);
            double ideal = (double) SIZE * LATENCY_MS / c;
            double cpuFloor = SIZE * level.cpuPerRequestMs / cores;
            if (Double.isNaN(first)) {
                first = level.wallMs;
            }
            System.out.printf("%6d %10.1f %10.1f %8.3f %10.2f %12.2f %10.1f %10d%n", c, ideal, level.wallMs,
                    level.wallMs / ideal, first / level.wallMs, level.cpuPerRequestMs,
                    cpuFloor, level.peakSlots);
        }
        System.out.println();
        System.out.println("speed-up: wall at the first level ÷ wall at this one (ideal: c ÷ first c)."
                + " CPU floor: the wall time the process's CPU alone needs on " + cores + " cores.");
        System.out.println(Harness.load());
    }

    private record Level(double wallMs, double cpuPerRequestMs, int peakSlots) {
    }

    /** The JIT, once: three runs of the sample at concurrency 8. */
    private static void warmUp(Dataset dataset, Sample sample) throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(dataset)
                .latency(Latency.fixed(Duration.ofMillis(LATENCY_MS))).parallel(8).build();
        try (Simulator simulator = Simulator.start(settings); OpenTarget target = Harness.ollamaOn(simulator)) {
            RunEngine engine = RunEngine.builder().target(target).concurrency(8).build();
            for (int i = 0; i < 3; i++) {
                EngineOverhead.engineRun(engine, Harness.plan(sample, target), null);
            }
        }
    }

    private static Level level(Dataset dataset, Sample sample, int c, int rounds) throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(dataset)
                .latency(Latency.fixed(Duration.ofMillis(LATENCY_MS))).parallel(c).build();
        try (Simulator simulator = Simulator.start(settings); OpenTarget target = Harness.ollamaOn(simulator)) {
            RunEngine engine = RunEngine.builder().target(target).concurrency(c)
                    .batchTimeout(Duration.ofSeconds(60)).build();
            RunPlan plan = Harness.plan(sample, target);
            // The level's connections: a short run of 4 requests per slot (at least 32).
            Sample small = Harness.sample(dataset, Math.min(SIZE, Math.max(32, 4 * c)));
            EngineOverhead.engineRun(engine, Harness.plan(small, target), null);
            simulator.log().clear();
            double[] walls = new double[rounds];
            double[] cpu = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long cpu0 = Harness.processCpuNanos();
                walls[round] = EngineOverhead.engineRun(engine, plan, null);
                cpu[round] = (Harness.processCpuNanos() - cpu0) / 1e6 / SIZE;
            }
            return new Level(Harness.median(walls), Harness.median(cpu), simulator.log().peakGenerating());
        }
    }
}
