package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.github.rngops.he300.core.run.Environment;
import io.github.rngops.he300.core.run.RunSettings;
import io.github.rngops.he300.core.run.RunSpec;
import io.github.rngops.he300.core.run.Timing;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the formats derive from a result beyond its summary: per-category baselines, dates, labels. */
final class Figures {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /**
     * Per category, the accuracy of always answering the category's majority label among the outcomes: the bar a
     * model must clear to beat a constant answer there.
     */
    static Map<Category, Double> majorityBaselines(RunResult result) {
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        for (Outcome outcome : result.outcomes()) {
            counts.computeIfAbsent(outcome.category(), c -> new int[2])[outcome.expectedLabel() == 1 ? 1 : 0]++;
        }
        Map<Category, Double> baselines = new EnumMap<>(Category.class);
        counts.forEach((category, c) -> baselines.put(category, (double) Math.max(c[0], c[1]) / (c[0] + c[1])));
        return baselines;
    }

    /** The latencies of the answered outcomes, in milliseconds, in sample order. */
    static long[] answeredLatencies(RunResult result) {
        return result.outcomes().stream().filter(o -> o instanceof Outcome.Answered)
                .mapToLong(Outcome::latencyMs).toArray();
    }

    /** When the run started, as {@code 2026-05-01 12:00:00 UTC}. */
    static String started(RunResult result) {
        return DATE.format(result.timing().start());
    }

    static String ended(RunResult result) {
        return DATE.format(result.timing().end());
    }

    /** The model, with its quantization when known: {@code llama3.2 (Q4_K_M)}. */
    static String model(RunResult result) {
        String quantization = result.environment().quantization();
        return result.settings().model() + (quantization == null ? "" : " (" + quantization + ")");
    }

    /** {@code 0.7333} as {@code 73.3%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A signed difference of fractions in percentage points: {@code +4.2 pp}. */
    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pp", difference * 100);
    }

    /** {@code 68.1–78.0%}. */
    static String interval(double low, double high) {
        return String.format(Locale.ROOT, "%.1f–%.1f%%", low * 100, high * 100);
    }

    static String interval(CategorySummary summary) {
        return interval(summary.interval().low(), summary.interval().high());
    }

    /** Milliseconds for people: {@code 840 ms}, {@code 1.25 s}. */
    static String millis(double ms) {
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** Seconds for people: {@code 42.1 s}, {@code 3 min 20 s}. */
    static String seconds(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return whole / 60 + " min " + whole % 60 + " s";
    }

    /** Seed, or {@code not recorded}. */
    static String seed(RunResult result) {
        return result.spec().seed() == null ? "not recorded" : result.spec().seed();
    }

    static String protocol(RunResult result) {
        return result.spec().protocolVersion() == null ? "not recorded" : result.spec().protocolVersion();
    }

    /** The target as {@code ollama at http://host:11434}. */
    static String target(RunResult result) {
        return result.environment().targetKind() + " at " + result.environment().url();
    }

    /** The settings the run sent and ran with, as label and value, for the settings tables. */
    static List<Map.Entry<String, String>> settings(RunResult result) {
        RunSettings settings = result.settings();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Model", settings.model()));
        rows.add(Map.entry("Options", settings.options().isEmpty() ? "none"
                : settings.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "))));
        rows.add(Map.entry("Prompt set", settings.promptSet()));
        rows.add(Map.entry("Parse mode", settings.parseMode()));
        rows.add(Map.entry("Concurrency", Integer.toString(settings.concurrency())));
        rows.add(Map.entry("Largest batch", Integer.toString(settings.maxBatch())));
        rows.add(Map.entry("Batch timeout", seconds(settings.batchTimeoutMs() / 1000.0)));
        rows.add(Map.entry("Run deadline", settings.deadlineMs() == null ? "none"
                : seconds(settings.deadlineMs() / 1000.0)));
        rows.add(Map.entry("Fail fast", settings.failFast() == 0 ? "off"
                : "after " + settings.failFast() + " alike failures"));
        RunSpec spec = result.spec();
        rows.add(Map.entry("Protocol", protocol(result)));
        rows.add(Map.entry("Seed", seed(result)));
        rows.add(Map.entry("Sample size", Integer.toString(spec.size())));
        rows.add(Map.entry("Categories", spec.categories().stream().map(Category::id)
                .collect(Collectors.joining(", "))));
        rows.add(Map.entry("Dataset", spec.datasetFiles().isEmpty() ? "not recorded"
                : spec.datasetFiles().stream().map(f -> f.category().fileStem() + " " + shortHash(f.sha256()))
                        .collect(Collectors.joining(", ")) + (spec.datasetKnown() ? " (upstream)" : " (NOT upstream)")));
        return rows;
    }

    /** Where the run ran and when, as label and value. */
    static List<Map.Entry<String, String>> environment(RunResult result) {
        Environment environment = result.environment();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Target", target(result)));
        rows.add(Map.entry("Simulated", environment.simulated() ? "yes: answers did not come from a model" : "no"));
        rows.add(Map.entry("Server version", orUnknown(environment.serverVersion())));
        rows.add(Map.entry("Model digest", orUnknown(environment.modelDigest())));
        rows.add(Map.entry("Quantization", orUnknown(environment.quantization())));
        environment.details().forEach((key, value) -> rows.add(Map.entry(key, value)));
        rows.add(Map.entry("Runner host", orUnknown(environment.runnerHost())));
        rows.add(Map.entry("Java", orUnknown(environment.javaVersion())));
        Timing timing = result.timing();
        rows.add(Map.entry("Started", started(result)));
        rows.add(Map.entry("Ended", ended(result)));
        rows.add(Map.entry("Wall time", seconds(timing.wallSeconds())));
        rows.add(Map.entry("Throughput", String.format(Locale.ROOT, "%.2f scenarios/s", timing.scenariosPerSecond())
                + (timing.resumed() > 0 ? " (" + timing.resumed() + " resumed from an earlier part)" : "")));
        rows.add(Map.entry("Ending", result.ending().id() + (result.complete() ? ""
                : " (" + result.outcomes().size() + " of " + result.spec().size() + " scenarios ran)")));
        return rows;
    }

    static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "not known" : value;
    }
}
