package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.RequestRecord;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.sample.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run engine's overhead: 300 scenarios against the simulator with a fixed 20 ms latency and 8 generation slots,
 * engine concurrency 8. Ideal wall time is {@code 300 × 20 ms ÷ 8 = 750 ms}; the goal is wall ÷ ideal ≤ 1.10.
 *
 * <p>Each round runs, interleaved, the engine without a journal, the engine with a journal, and the same target
 * driven by {@code concurrency} plain threads without the engine (the floor: HTTP client and simulator only), so
 * that what the engine adds can be told from what the client and the simulator cost. Medians over the rounds after
 * {@value #WARM_UP} warm-up rounds.
 *
 * <p>Run: {@code HE300_DATASET=... java -cp bench/target/benchmarks.jar io.github.rngops.he300.bench.EngineOverhead
 * [rounds=7] [latency ms=20] [parallel=8] [scenarios=300]}.
 */
public final class EngineOverhead {

    /** Warm-up rounds before the measured ones: C2 needs a few thousand requests to settle. */
    static final int WARM_UP = 3;

    public static void main(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Dataset dataset = Harness.dataset();
        Sample sample = Harness.sample(dataset, size);
        double idealMs = (double) size * latencyMs / parallel;
        System.out.printf("EngineOverhead: %d scenarios, latency %d ms fixed, simulator parallel %d, engine"
                + " concurrency %d; ideal %.0f ms; %s%n", size, latencyMs, parallel, parallel, idealMs, Harness.load());
        Figures f = measure(sample, latencyMs, parallel, rounds, true);
        System.out.println();
        System.out.printf("%-34s %10s %10s %10s %8s%n", "median of " + rounds + " rounds", "wall ms", "min ms",
                "max ms", "÷ ideal");
        row("ideal (n × latency ÷ parallel)", new double[] {idealMs}, idealMs);
        System.out.printf("%-34s %10.1f %10s %10s %8.3f%n", "engine, first run (cold JIT)", f.coldMs, "", "",
                f.coldMs / idealMs);
        row("floor: target, plain threads", f.floor, idealMs);
        row("engine, no journal", f.engine, idealMs);
        row("engine, journal (outcomes.jsonl)", f.journal, idealMs);
        System.out.println();
        double engine = Harness.median(f.engine);
        double floor = Harness.median(f.floor);
        System.out.printf("engine ÷ ideal %.3f (goal ≤ 1.10: %s); engine ÷ floor %.3f; journal ÷ engine %.3f%n",
                engine / idealMs, engine / idealMs <= 1.10 ? "met" : "NOT met", engine / floor,
                Harness.median(f.journal) / engine);
        double perRequest = f.engine[rounds - 1] * parallel / size;
        System.out.printf("where a request's time goes (last engine round; means over its requests): %.2f ms"
                + " per request per slot (wall × parallel ÷ n)%n", perRequest);
        System.out.printf("  %-52s %7.2f ms%n", "simulated latency", (double) latencyMs);
        System.out.printf("  %-52s %7.2f ms%n", "simulator: slot held beyond the latency (sleep overshoot,"
                + " answer)", f.serviceMeanMs - latencyMs);
        System.out.printf("  %-52s %7.2f ms%n", "simulator: arrival to slot (queued)", f.queuedMeanMs);
        System.out.printf("  %-52s %7.2f ms%n", "client-seen call minus simulator-seen request (HTTP)",
                f.floorCallMeanMs - f.floorServerMeanMs);
        System.out.printf("  %-52s %7.2f ms%n", "rest: outside the HTTP call (engine, run start and end)",
                perRequest - f.serverMeanMs - (f.floorCallMeanMs - f.floorServerMeanMs));
        System.out.printf("  CPU (client, engine and simulator in this process) per request: %.2f ms; the %d requests"
                + " of a wave wake up together and share 2 cores%n", Harness.median(f.cpuPerRequestMs), parallel);
        System.out.printf("  last engine round: peak slots %d; start to first arrival %.1f ms, first arrival to last"
                + " response %.1f ms, last response to result %.1f ms%n", f.peakSlots, f.headMs, f.spanMs, f.tailMs);
        System.out.println(Harness.load());
    }

    private static void row(String name, double[] values, double idealMs) {
        System.out.printf("%-34s %10.1f %10.1f %10.1f %8.3f%n", name, Harness.median(values), Harness.min(values),
                Harness.max(values), Harness.median(values) / idealMs);
    }

    /** Wall times (ms) per round of each way of running, and what the simulator saw in the last engine round. */
    static final class Figures {
        double[] engine;
        double[] journal;
        double[] floor;
        double serviceMeanMs;
        double queuedMeanMs;
        int peakSlots;
        double spanMs;
        double serverMeanMs;
        double floorCallMeanMs;
        double floorServerMeanMs;
        double[] cpuPerRequestMs;
        double coldMs;
        double headMs;
        double tailMs;
    }

    /**
     * Runs {@code rounds} rounds (after one warm-up) at simulator parallel = engine concurrency = {@code parallel}.
     *
     * @param all also the journal and floor variants; false: only the engine without a journal
     */
    static Figures measure(Sample sample, int latencyMs, int parallel, int rounds, boolean all) throws Exception {
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(sample.scenarios())
                .latency(Latency.fixed(Duration.ofMillis(latencyMs))).parallel(parallel).build();
        Figures f = new Figures();
        f.engine = new double[rounds];
        f.journal = new double[rounds];
        f.floor = new double[rounds];
        f.cpuPerRequestMs = new double[rounds];
        try (Simulator simulator = Simulator.start(settings); OpenTarget target = Harness.ollamaOn(simulator)) {
            RunPlan plan = Harness.plan(sample, target);
            RunEngine engine = RunEngine.builder().target(target).concurrency(parallel)
                    .batchTimeout(Duration.ofSeconds(60)).build();
            // Warm-up: the JIT, the connection pool, the simulator's threads. The first run is the cold figure.
            for (int w = 0; w < WARM_UP; w++) {
                double ms = engineRun(engine, plan, null);
                if (w == 0) {
                    f.coldMs = ms;
                }
                if (all) {
                    floorRun(target, plan, parallel, new ArrayList<>());
                    Path dir = Harness.tempDir("he300-overhead-");
                    engineRun(engine, plan, dir.resolve("run"));
                    Harness.deleteTree(dir);
                }
            }
            for (int round = 0; round < rounds; round++) {
                if (all) {
                    simulator.log().clear();
                    List<Double> calls = new ArrayList<>();
                    f.floor[round] = floorRun(target, plan, parallel, calls);
                    f.floorCallMeanMs = calls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                    f.floorServerMeanMs = simulator.log().generations().stream()
                            .mapToDouble(r -> r.latency().toNanos() / 1e6).average().orElse(0);
                    Path dir = Harness.tempDir("he300-overhead-");
                    f.journal[round] = engineRun(engine, plan, dir.resolve("run"));
                    Harness.deleteTree(dir);
                }
                simulator.log().clear();
                long cpu0 = Harness.processCpuNanos();
                f.engine[round] = engineRun(engine, plan, null);
                f.cpuPerRequestMs[round] = (Harness.processCpuNanos() - cpu0) / 1e6 / sample.scenarios().size();
            }
            List<RequestRecord> log = simulator.log().generations();
            f.serviceMeanMs = log.stream()
                    .mapToDouble(r -> Duration.between(r.started(), r.finished()).toNanos() / 1e6).average().orElse(0);
            f.serverMeanMs = log.stream().mapToDouble(r -> r.latency().toNanos() / 1e6).average().orElse(0);
            f.queuedMeanMs = log.stream().mapToDouble(r -> r.queued().toNanos() / 1e6).average().orElse(0);
            f.peakSlots = simulator.log().peakGenerating();
            Instant first = log.stream().map(RequestRecord::received).min(Instant::compareTo).orElseThrow();
            Instant last = log.stream().map(RequestRecord::finished).max(Instant::compareTo).orElseThrow();
            f.spanMs = Duration.between(first, last).toNanos() / 1e6;
            f.headMs = Duration.between(lastStart, first).toNanos() / 1e6;
            f.tailMs = Duration.between(last, lastEnd).toNanos() / 1e6;
        }
        return f;
    }

    private static Instant lastStart;
    private static Instant lastEnd;

    /** One engine run; its wall time in ms, from start to result. Fails unless every scenario was answered. */
    static double engineRun(RunEngine engine, RunPlan plan, Path runDir) {
        lastStart = Instant.now();
        long t0 = System.nanoTime();
        RunResult result = (runDir == null ? engine.start(plan) : engine.start(plan, runDir)).await();
        double ms = (System.nanoTime() - t0) / 1e6;
        lastEnd = Instant.now();
        if (!result.complete() || result.summary().errors() != 0) {
            throw new IllegalStateException("the run did not answer every scenario: " + result.summary());
        }
        return ms;
    }

    /** The target without the engine: {@code threads} threads take the scenarios in turn, one request each. */
    static double floorRun(OpenTarget target, RunPlan plan, int threads, List<Double> callMs) throws Exception {
        List<Scenario> scenarios = plan.sample().scenarios();
        List<ScenarioRequest> requests = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            requests.add(new ScenarioRequest(s, plan.prompts().render(s), plan.generation()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        Instant deadline = Instant.now().plusSeconds(60);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    long c0 = System.nanoTime();
                    target.evaluate(new Batch(List.of(requests.get(i)), deadline));
                    double ms = (System.nanoTime() - c0) / 1e6;
                    synchronized (callMs) {
                        callMs.add(ms);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        pool.shutdown();
        return ms;
    }
}
