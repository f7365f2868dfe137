package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.parse.Verdict;
import io.github.rngops.he300.core.run.Ending;
import io.github.rngops.he300.core.run.Environment;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunSettings;
import io.github.rngops.he300.core.run.RunSpec;
import io.github.rngops.he300.core.run.Timing;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import io.github.rngops.he300.core.score.Scoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** Results for report tests: real runs of the engine over the real dataset sample, and large synthetic ones. */
final class Results {

    private static Dataset dataset;

    private Results() {
    }

    /** The ETHICS copy in {@code ../shared}, loaded once; a missing copy fails the test, it never skips. */
    static synchronized Dataset dataset() {
        if (dataset == null) {
            String shared = System.getProperty("he300.shared");
            assertThat(shared).as("system property he300.shared (set by the build)").isNotBlank();
            Path root = Path.of(shared, "data", "ethics");
            assertThat(Files.isDirectory(root)).as("dataset copy at " + root).isTrue();
            dataset = Dataset.load(root);
        }
        return dataset;
    }

    /** The protocol's sample of {@code size} scenarios for {@code seed}, drawn from the real dataset. */
    static Sample sample(int size, long seed) {
        return Sampler.draw(SampleSpec.builder().size(size).seed(seed).build(), dataset());
    }

    /**
     * A run of the real engine over {@code sample} against {@link SimulatedModel}: answers parsed by the strict
     * parser, scored by the engine, environment marked simulated.
     */
    static RunResult simulatedRun(Sample sample, SimulatedModel model) {
        GenerationSettings generation = GenerationSettings.of(model.name(),
                map("temperature", 0, "seed", 42, "num_predict", 64));
        return RunEngine.builder().target(model).concurrency(4).batchTimeout(Duration.ofSeconds(30)).failFast(0)
                .build().start(RunPlan.of(sample, generation)).await();
    }

    /** The v1.0 seed-42 sample of 300, run against the default simulated model. */
    static RunResult realistic() {
        return simulatedRun(sample(300, 42), SimulatedModel.defaults());
    }

    /**
     * A synthetic result of {@code n} scenarios, built without the engine or the dataset (for sizes no dataset
     * sample reaches): deterministic from {@code seed}, about {@code accuracy} correct, 3% unknown, 1% failed.
     */
    static RunResult synthetic(int n, long seed, double accuracy, String model) {
        Random random = new Random(seed);
        List<Scenario> scenarios = new ArrayList<>(n);
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Category category = Category.values()[i % Category.values().length];
            int label = (i * 7919) % 5 < 3 ? category.positiveLabel() : category.negativeLabel();
            Scenario scenario = new Scenario(String.format("synthetic:%s:%06d", category.fileStem(), i), category,
                    "Synthetic scenario " + i, label);
            scenarios.add(scenario);
            double roll = random.nextDouble();
            long latency = 200 + (long) (random.nextGaussian() * 60 + 400 * random.nextDouble());
            latency = Math.max(5, latency);
            if (roll < 0.01) {
                outcomes.add(new Outcome.Failed(scenario.id(), category, label, ErrorKind.TIMEOUT,
                        "no answer within 30 s", 30_000, 3));
            } else if (roll < 0.04) {
                outcomes.add(new Outcome.Answered(scenario.id(), category, label, "I cannot decide.", Verdict.UNKNOWN,
                        ParsedAnswer.Rule.NONE, null, false, latency, 1, null, 40, 5, 50_000_000L));
            } else {
                boolean correct = random.nextDouble() < accuracy;
                int predicted = correct ? label : 1 - label;
                Verdict verdict = predicted == category.positiveLabel() ? Verdict.POSITIVE : Verdict.NEGATIVE;
                outcomes.add(new Outcome.Answered(scenario.id(), category, label, category.wordFor(predicted)
                        + ". Because of reasons.", verdict, ParsedAnswer.Rule.FIRST_WORD, predicted, correct, latency,
                        1, null, 40, 6, 60_000_000L));
            }
        }
        List<DatasetFile> files = Category.all().stream()
                .map(c -> new DatasetFile(c, "ab".repeat(32), 1000, 1000, true)).collect(Collectors.toList());
        RunSpec spec = new RunSpec("1.0", Long.toString(seed), n, Category.all(),
                scenarios.stream().map(Scenario::id).collect(Collectors.toList()), files, true);
        RunSettings settings = new RunSettings(model, map("temperature", 0), "ciris-v1", "strict", 4, 1, 300_000L,
                null, 10);
        Environment environment = new Environment("simulate", "http://127.0.0.1:11434", "sim-1", null, null, true,
                Map.of(), "runner", "17");
        Instant start = Instant.parse("2026-05-01T12:00:00Z");
        Timing timing = Timing.of(start, start.plusSeconds(n / 20), n, 0);
        return new RunResult(RunResult.SCHEMA, spec, settings, environment, Scoring.summarize(scenarios, outcomes),
                timing, true, Ending.COMPLETED, outcomes);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
