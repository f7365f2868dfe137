package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.client.target.TargetConfig;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.client.target.Targets;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the engine harnesses share: the dataset, samples, an Ollama target on a simulator, medians, the load. */
final class Harness {

    private Harness() {
    }

    /** The dataset named by {@code HE300_DATASET}; exits with a message when it is not set. */
    static Dataset dataset() {
        String dir = System.getenv("HE300_DATASET");
        if (dir == null || dir.isBlank()) {
            System.err.println("set HE300_DATASET to the ethics dataset directory (e.g. /work/shared/data/ethics)");
            System.exit(2);
        }
        return Dataset.load(Path.of(dir));
    }

    /** The v1.0 seed-42 sample of {@code size} scenarios over all five categories. */
    static Sample sample(Dataset dataset, int size) {
        return Sampler.draw(SampleSpec.builder().size(size).build(), dataset);
    }

    /** The Ollama target (default HTTP settings: retries and circuit breaker on) on {@code simulator}. */
    static OpenTarget ollamaOn(Simulator simulator) {
        return ollamaAt(simulator.baseUri().toString());
    }

    /** The Ollama target (default HTTP settings) on a simulator at {@code url}. */
    static OpenTarget ollamaAt(String url) {
        return Targets.open(TargetConfig.builder(TargetKind.OLLAMA).url(url).model(SimulatorSettings.DEFAULT_MODEL)
                .build(), List.of());
    }

    /** The plan a benchmark run sends: temperature 0, seed 42, 256 tokens at most. */
    static RunPlan plan(Sample sample, OpenTarget target) {
        GenerationSettings generation = Targets.generation(TargetKind.OLLAMA, target.model(), 42, 256);
        return RunPlan.of(sample, generation);
    }

    /** The median wall time, in nanoseconds, of {@code rounds} runs of {@code body}. */
    static long medianNanos(int rounds, Runnable body) {
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            body.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }

    /** Stops the harness when a measurement would be of something else than intended. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /** Whether {@link #pinned} can pin: {@code taskset} is installed. */
    static boolean canPin() {
        return Files.isExecutable(TASKSET);
    }

    /** {@code command} under {@code taskset -c 0}: the whole process tree on one core. */
    static List<String> pinned(List<String> command) {
        List<String> pinned = new ArrayList<>(List.of(TASKSET.toString(), "-c", "0"));
        pinned.addAll(command);
        return pinned;
    }

    /** The one-minute load average and the processors, for the record. */
    static String load() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("load average %.2f on %d cores", os.getSystemLoadAverage(), os.getAvailableProcessors());
    }

    /** CPU time this process has used, all threads. */
    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
