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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kill -9} mid-run, then resume. The simulator runs in this (the parent) process, so its request log outlives
 * the run; a child JVM on the same class path runs the benchmark with a journal against it and is killed forcibly
 * once its journal holds a given number of outcomes; the run is then resumed in this process against the same
 * simulator. From the simulator's log, requests per scenario: each exactly once, unless its first attempt failed
 * (an injected 503 or reset, retried by the client) or it was in flight when the child was killed (sent, never
 * journaled, so sent again on resume).
 *
 * <p>Run: {@code HE300_DATASET=... java -cp bench/target/benchmarks.jar io.github.rngops.he300.bench.KillAndResume
 * [scenarios=300] [kill after this many journaled=100]}. Exits 1 when a check fails.
 */
public final class KillAndResume {

    private static final int CONCURRENCY = 4;
    private static final int LATENCY_MS = 40;
    private static final double FAULT_RATE = 0.01;

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int killAfter = args.length > 1 ? Integer.parseInt(args[1]) : size / 3;
        Dataset dataset = Harness.dataset();
        Sample sample = Harness.sample(dataset, size);
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(sample.scenarios())
                .latency(Latency.fixed(Duration.ofMillis(LATENCY_MS))).parallel(CONCURRENCY)
                .faultRate(Fault.SERVICE_UNAVAILABLE, FAULT_RATE).faultRate(Fault.CONNECTION_RESET, FAULT_RATE)
                .build();
        System.out.printf("KillAndResume: %d scenarios, latency %d ms fixed, parallel = concurrency = %d, %.0f%% 503"
                + " and %.0f%% connection resets (retried); kill -9 the child once %d outcomes are journaled; %s%n",
                size, LATENCY_MS, CONCURRENCY, FAULT_RATE * 100, FAULT_RATE * 100, killAfter, Harness.load());
        Path dir = Harness.tempDir("he300-kill-");
        Path runDir = dir.resolve("run");
        Path journal = runDir.resolve("outcomes.jsonl");
        boolean ok = true;
        try (Simulator simulator = Simulator.start(settings)) {
            // 1. The child runs the benchmark until killed.
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KillAndResume.class.getName(), "--child", simulator.baseUri().toString(), runDir.toString(),
                    Integer.toString(size))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            long t0 = System.nanoTime();
            Process child = builder.start();
            int lines = 0;
            while (child.isAlive() && lines < killAfter && System.nanoTime() - t0 < 60_000_000_000L) {
                lines = completeLines(journal);
                Thread.sleep(2);
            }
            if (!child.isAlive()) {
                System.out.println("the child ended before it could be killed (exit " + child.exitValue() + "):");
                System.out.println(Files.readString(dir.resolve("child.log")));
                System.exit(1);
            }
            int inFlightAtKill = simulator.log().generating() + simulator.log().waiting();
            Instant killedAt = Instant.now();
            child.destroyForcibly();
            child.waitFor();
            double childS = (System.nanoTime() - t0) / 1e9;
            // What the child had sent finishes at the simulator (into a closed socket) and is logged; wait for it.
            while (simulator.log().generating() + simulator.log().waiting() > 0) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            byte[] journalBytes = Files.readAllBytes(journal);
            boolean torn = journalBytes.length > 0 && journalBytes[journalBytes.length - 1] != '\n';
            Set<String> journaledBefore = journaledIds(journal);
            int requestsBefore = simulator.log().generations().size();

            // 2. Resume in this process against the same simulator.
            Instant resumedAt = Instant.now();
            RunResult result;
            long r0 = System.nanoTime();
            try (OpenTarget target = Harness.ollamaOn(simulator)) {
                result = RunEngine.builder().target(target).concurrency(CONCURRENCY).build().resume(runDir).await();
            }
            double resumeS = (System.nanoTime() - r0) / 1e9;

            // 3. Count, from the simulator's log.
            List<RequestRecord> log = simulator.log().generations();
            Map<String, List<RequestRecord>> byScenario = new LinkedHashMap<>();
            for (Scenario s : sample.scenarios()) {
                byScenario.put(s.id(), new ArrayList<>());
            }
            long unmatched = 0;
            for (RequestRecord r : log) {
                if (r.scenarioId() == null || !byScenario.containsKey(r.scenarioId())) {
                    unmatched++;
                } else {
                    byScenario.get(r.scenarioId()).add(r);
                }
            }
            int once = 0;
            int retriedOnly = 0;
            int inFlightResent = 0;
            int inFlightResentAlsoRetried = 0;
            int journaledButResent = 0;
            int never = 0;
            int unexplained = 0;
            List<String> examples = new ArrayList<>();
            for (Map.Entry<String, List<RequestRecord>> e : byScenario.entrySet()) {
                List<RequestRecord> rs = e.getValue();
                // The child's requests: all that arrived before the resume (it may send one between the instant
                // taken for the kill and the kill itself).
                List<RequestRecord> before = rs.stream().filter(r -> r.received().isBefore(resumedAt)).toList();
                List<RequestRecord> after = rs.stream().filter(r -> !r.received().isBefore(resumedAt)).toList();
                boolean journaled = journaledBefore.contains(e.getKey());
                if (rs.isEmpty()) {
                    never++;
                    continue;
                }
                if (journaled && !after.isEmpty()) {
                    journaledButResent++;
                }
                // Requests beyond the first of each part that followed a failed attempt are retries.
                int retries = retries(before) + retries(after);
                boolean resentAfterKill = !before.isEmpty() && !after.isEmpty() && !journaled;
                int explained = 1 + retries + (resentAfterKill ? 1 : 0);
                if (rs.size() == 1) {
                    once++;
                } else if (resentAfterKill) {
                    if (retries > 0) {
                        inFlightResentAlsoRetried++;
                    } else {
                        inFlightResent++;
                    }
                    if (examples.size() < 6) {
                        RequestRecord last = before.get(before.size() - 1);
                        examples.add(String.format("%s: sent %s before the kill (%s, finished %s the kill), again"
                                + " after resume", e.getKey(), last.received(), last.fault() == null
                                ? last.outcome() : last.fault(), last.finished().isBefore(killedAt) ? "before"
                                : "after"));
                    }
                } else if (retries > 0) {
                    retriedOnly++;
                }
                if (rs.size() != explained) {
                    unexplained++;
                    if (examples.size() < 12) {
                        examples.add("unexplained " + e.getKey() + ": " + rs.stream().map(r -> (r.received()
                                .isBefore(resumedAt) ? "child " : "resume ") + (r.fault() == null ? r.outcome()
                                : r.fault()) + " " + r.status()).collect(Collectors.toList()));
                    }
                }
            }
            Set<String> resultIds = result.outcomes().stream().map(Outcome::scenarioId).collect(Collectors.toSet());
            System.out.printf("%nchild: killed after %.2f s with %d outcomes journaled (torn last line: %s),"
                    + " %d generations in flight or queued at the simulator at the kill%n", childS,
                    journaledBefore.size(), torn ? "yes" : "no", inFlightAtKill);
            System.out.printf("resume: %.2f s, %s, complete %s, %d outcomes (%d resumed from the journal,"
                    + " %d evaluated now)%n", resumeS, result.ending(), result.complete(), result.outcomes().size(),
                    result.timing().resumed(), result.timing().evaluated());
            System.out.printf("%n%-62s %6s%n", "simulator log", "count");
            System.out.printf("%-62s %6d%n", "generation requests before the kill", requestsBefore);
            System.out.printf("%-62s %6d%n", "generation requests after the resume", log.size() - requestsBefore);
            System.out.printf("%-62s %6d%n", "  that matched no scenario of the sample", unmatched);
            System.out.printf("%-62s %6d%n", "scenarios", byScenario.size());
            System.out.printf("%-62s %6d%n", "  sent exactly once", once);
            System.out.printf("%-62s %6d%n", "  sent again because the first attempt failed (503/reset)", retriedOnly);
            System.out.printf("%-62s %6d%n", "  sent again because in flight at the kill (not journaled)",
                    inFlightResent);
            System.out.printf("%-62s %6d%n", "  both: in flight at the kill and an attempt failed",
                    inFlightResentAlsoRetried);
            System.out.printf("%-62s %6d%n", "  never sent", never);
            System.out.printf("%-62s %6d%n", "  journaled before the kill but sent again after resume",
                    journaledButResent);
            System.out.printf("%-62s %6d%n", "  request count not explained by the above", unexplained);
            examples.forEach(x -> System.out.println("  " + x));
            ok = result.complete() && never == 0 && journaledButResent == 0 && unexplained == 0 && unmatched == 0
                    && resultIds.size() == size && inFlightResent + inFlightResentAlsoRetried <= CONCURRENCY;
            System.out.printf("%nin flight at the kill and sent twice: %d (at most the concurrency, %d): requests the"
                    + " child had sent whose outcome it had not yet journaled when it died%n",
                    inFlightResent + inFlightResentAlsoRetried, CONCURRENCY);
        } finally {
            Harness.deleteTree(dir);
        }
        System.out.println(ok ? "all checks passed" : "A CHECK FAILED");
        System.out.println(Harness.load());
        if (!ok) {
            System.exit(1);
        }
    }

    /** Requests in {@code part} that followed a failed attempt of the same scenario (the client's retries). */
    private static int retries(List<RequestRecord> part) {
        int retries = 0;
        for (int i = 1; i < part.size(); i++) {
            RequestRecord previous = part.get(i - 1);
            if (previous.fault() != null || previous.outcome() != RequestRecord.Outcome.ANSWERED) {
                retries++;
            }
        }
        return retries;
    }

    private static int completeLines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(journal);
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static Set<String> journaledIds(Path journal) throws IOException {
        String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank() && text.contains(line + "\n")) {
                ids.add(line.replaceAll(".*\"scenario_id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
            }
        }
        return ids;
    }

    /** The child: the benchmark with a journal in {@code runDir}, against the simulator at {@code url}. */
    private static void child(String url, Path runDir, int size) {
        Sample sample = Harness.sample(Harness.dataset(), size);
        try (OpenTarget target = Harness.ollamaAt(url)) {
            RunResult result = RunEngine.builder().target(target).concurrency(CONCURRENCY).build()
                    .start(Harness.plan(sample, target), runDir).await();
            System.out.println("child finished: " + result.summary());
        }
    }
}
