package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.RequestRecord;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A long run under faults: 3,000 scenarios (all five categories) against the simulator with 5% of generation requests
 * failing (1% each of 429, 503, connection reset, malformed JSON and a stream error), no latency, the default retry
 * (4 attempts) and a journal. Checks, and prints:
 * <ul>
 *   <li>every scenario accounted for: exactly one outcome each in the result and in the journal, none extra;</li>
 *   <li>retries bounded: requests per scenario from the simulator's log never above the retry attempts, and the
 *       outcomes agree with what the log says happened last;</li>
 *   <li>memory bounded: heap after a full GC before and after, and the peak heap used during the run.</li>
 * </ul>
 *
 * <p>Run: {@code HE300_DATASET=... java -Xmx512m -cp bench/target/benchmarks.jar
 * io.github.rngops.he300.bench.FaultRun [scenarios=3000] [fault rate=0.05] [concurrency=16]}. Exits 1 when a check
 * fails.
 */
public final class FaultRun {

    /** The default retry's attempts ({@code RetrySettings.ofDefaults()}). */
    private static final int MAX_ATTEMPTS = 4;
    private static final Fault[] FAULTS = {Fault.TOO_MANY_REQUESTS, Fault.SERVICE_UNAVAILABLE,
        Fault.CONNECTION_RESET, Fault.MALFORMED_JSON, Fault.STREAM_ERROR};

    public static void main(String... args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.05;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Dataset dataset = Harness.dataset();
        Sample sample = Harness.sample(dataset, size);
        SimulatorSettings.Builder settings = SimulatorSettings.builder().groundTruth(sample.scenarios())
                .latency(Latency.none()).parallel(concurrency);
        for (Fault fault : FAULTS) {
            settings.faultRate(fault, rate / FAULTS.length);
        }
        System.out.printf("FaultRun: %d scenarios (%s), %.1f%% faults (%s, equal shares), no latency, parallel ="
                + " concurrency = %d, retry %d attempts, journal on; %s%n", size, perCategory(sample),
                rate * 100, List.of(FAULTS), concurrency, MAX_ATTEMPTS, Harness.load());
        Path dir = Harness.tempDir("he300-faultrun-");
        boolean ok = true;
        try (Simulator simulator = Simulator.start(settings.build()); OpenTarget target = Harness.ollamaOn(simulator)) {
            RunEngine engine = RunEngine.builder().target(target).concurrency(concurrency)
                    .batchTimeout(Duration.ofSeconds(60)).build();
            long before = heapAfterGc();
            resetPeaks();
            PeakSampler sampler = PeakSampler.start();
            long t0 = System.nanoTime();
            RunResult result = engine.start(Harness.plan(sample, target), dir.resolve("run")).await();
            double wallS = (System.nanoTime() - t0) / 1e9;
            long sampledPeak = sampler.stop();
            long poolPeaks = poolPeaks();
            long after = heapAfterGc();
            List<RequestRecord> log = simulator.log().generations();

            // 1. Accounting.
            Set<String> ids = sample.scenarios().stream().map(Scenario::id).collect(Collectors.toSet());
            Map<String, Integer> outcomesPerId = new HashMap<>();
            result.outcomes().forEach(o -> outcomesPerId.merge(o.scenarioId(), 1, Integer::sum));
            long answered = result.outcomes().stream().filter(o -> o instanceof Outcome.Answered).count();
            long failed = result.outcomes().stream().filter(o -> o instanceof Outcome.Failed).count();
            long twice = outcomesPerId.values().stream().filter(n -> n > 1).count();
            long missing = ids.stream().filter(id -> !outcomesPerId.containsKey(id)).count();
            long extra = outcomesPerId.keySet().stream().filter(id -> !ids.contains(id)).count();
            List<String> lines = Files.readAllLines(dir.resolve("run").resolve("outcomes.jsonl"));
            Set<String> journaled = new HashSet<>();
            long journalDupes = 0;
            for (String line : lines) {
                String id = line.replaceAll(".*\"scenario_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                if (!journaled.add(id)) {
                    journalDupes++;
                }
            }
            System.out.printf("%nrun: %s, complete %s, wall %.2f s (%.0f scenarios/s)%n", result.ending(),
                    result.complete(), wallS, size / wallS);
            System.out.printf("%-44s %8s%n", "accounting", "count");
            System.out.printf("%-44s %8d%n", "scenarios in the sample", ids.size());
            System.out.printf("%-44s %8d%n", "outcomes in the result", result.outcomes().size());
            System.out.printf("%-44s %8d%n", "  answered", answered);
            System.out.printf("%-44s %8d%n", "  failed", failed);
            System.out.printf("%-44s %8d%n", "scenarios with no outcome", missing);
            System.out.printf("%-44s %8d%n", "scenarios with more than one outcome", twice);
            System.out.printf("%-44s %8d%n", "outcomes for scenarios not in the sample", extra);
            System.out.printf("%-44s %8d%n", "journal lines", lines.size());
            System.out.printf("%-44s %8d%n", "journal lines repeating a scenario", journalDupes);
            System.out.printf("%-44s %8d%n", "summary total", result.summary().total());
            Map<String, Long> failedKinds = result.outcomes().stream().filter(o -> o instanceof Outcome.Failed)
                    .collect(Collectors.groupingBy(o -> ((Outcome.Failed) o).kind().id(), TreeMap::new,
                            Collectors.counting()));
            System.out.println("failed by kind: " + failedKinds);
            ok &= missing == 0 && twice == 0 && extra == 0 && result.complete()
                    && result.outcomes().size() == size && answered + failed == size
                    && lines.size() == size && journalDupes == 0 && journaled.equals(ids);

            // 2. Retries, from the simulator's log.
            Map<String, List<RequestRecord>> byScenario = log.stream().filter(r -> r.scenarioId() != null)
                    .collect(Collectors.groupingBy(RequestRecord::scenarioId));
            Map<Integer, Long> histogram = new TreeMap<>();
            byScenario.values().forEach(rs -> histogram.merge(rs.size(), 1L, Long::sum));
            int most = byScenario.values().stream().mapToInt(List::size).max().orElse(0);
            Map<Fault, Long> faults = log.stream().filter(r -> r.fault() != null)
                    .collect(Collectors.groupingBy(RequestRecord::fault, TreeMap::new, Collectors.counting()));
            long unmatched = log.stream().filter(r -> r.scenarioId() == null).count();
            long neverSent = ids.stream().filter(id -> !byScenario.containsKey(id)).count();
            // What the log says happened last, against the outcome.
            int agree = 0;
            int attemptsMatch = 0;
            int answeredAfterRetryAsOne = 0;
            List<String> disagreements = new ArrayList<>();
            Map<String, Outcome> outcomeById = result.outcomes().stream()
                    .collect(Collectors.toMap(Outcome::scenarioId, o -> o));
            for (Map.Entry<String, List<RequestRecord>> e : byScenario.entrySet()) {
                RequestRecord last = e.getValue().get(e.getValue().size() - 1);
                boolean servedAnswer = last.outcome() == RequestRecord.Outcome.ANSWERED && last.fault() == null;
                Outcome outcome = outcomeById.get(e.getKey());
                if (outcome != null && servedAnswer == (outcome instanceof Outcome.Answered)) {
                    agree++;
                } else if (disagreements.size() < 5) {
                    disagreements.add(e.getKey() + ": log " + e.getValue().stream()
                            .map(r -> r.fault() == null ? r.outcome().toString() : r.fault().toString())
                            .collect(Collectors.toList()) + ", outcome " + outcome);
                }
                if (outcome != null && outcome.attempts() == e.getValue().size()) {
                    attemptsMatch++;
                } else if (outcome instanceof Outcome.Answered && outcome.attempts() == 1) {
                    answeredAfterRetryAsOne++;
                }
            }
            System.out.printf("%nretries (simulator log: %d generation requests, %d matched no scenario)%n",
                    log.size(), unmatched);
            System.out.println("injected faults: " + faults + " = " + faults.values().stream()
                    .mapToLong(Long::longValue).sum() + " (" + String.format("%.2f%%",
                    100.0 * faults.values().stream().mapToLong(Long::longValue).sum() / log.size()) + ")");
            System.out.println("requests per scenario → scenarios: " + histogram);
            System.out.printf("most requests for one scenario: %d (bound: %d attempts) → %s%n", most, MAX_ATTEMPTS,
                    most <= MAX_ATTEMPTS ? "bounded" : "NOT bounded");
            System.out.printf("scenarios never sent: %d; requests ÷ scenarios = %.4f%n", neverSent,
                    (double) log.size() / size);
            System.out.printf("outcome agrees with the log's last request (answer → answered, fault → failed):"
                    + " %d of %d%n", agree, byScenario.size());
            disagreements.forEach(d -> System.out.println("  " + d));
            System.out.printf("outcome's attempts equal the requests logged: %d of %d; answered after a retry but"
                    + " recorded as 1 attempt: %d (the client reports attempts only with a failure)%n", attemptsMatch,
                    byScenario.size(), answeredAfterRetryAsOne);
            ok &= most <= MAX_ATTEMPTS && neverSent == 0 && unmatched == 0 && agree == byScenario.size();

            // 3. Memory.
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("%nmemory (heap; -Xmx %s)%n", mib(max));
            System.out.printf("%-52s %10s%n", "heap used after full GC, before the run", mib(before));
            System.out.printf("%-52s %10s%n", "heap used after full GC, after (result held)", mib(after));
            System.out.printf("%-52s %10s  (%.0f bytes per outcome)%n", "  retained by the run", mib(after - before),
                    (double) (after - before) / size);
            System.out.printf("%-52s %10s%n", "peak heap used during the run (sampled every 5 ms)", mib(sampledPeak));
            System.out.printf("%-52s %10s%n", "sum of heap pools' peak usage during the run", mib(poolPeaks));
            System.out.printf("%-52s %10s%n", "committed heap at the end", mib(Runtime.getRuntime().totalMemory()));
            // Keep the result reachable until after the measurement.
            if (result.outcomes().isEmpty()) {
                System.out.println();
            }
        } finally {
            Harness.deleteTree(dir);
        }
        System.out.println();
        System.out.println(ok ? "all checks passed" : "A CHECK FAILED");
        System.out.println(Harness.load());
        if (!ok) {
            System.exit(1);
        }
    }

    private static String perCategory(Sample sample) {
        return sample.scenarios().stream().collect(Collectors.groupingBy(s -> s.category().id(), TreeMap::new,
                Collectors.counting())).toString();
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Samples the heap in use every 5 ms and keeps the largest. */
    static final class PeakSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private Thread thread;

        static PeakSampler start() {
            PeakSampler s = new PeakSampler();
            s.thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (s.running.get()) {
                    s.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
