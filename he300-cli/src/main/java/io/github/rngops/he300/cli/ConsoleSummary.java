package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.Environment;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Interval;
import io.github.rngops.he300.core.score.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The table a benchmark prints when it ends: what ran, against what (SIMULATED when it was the simulator), overall
 * and per-category accuracy with Wilson 95% intervals, unknowns and errors, latency, throughput, the baselines, and
 * where the files are.
 */
public final class ConsoleSummary {

    static final String SIMULATED = "SIMULATED: these answers come from the he300 simulator, not from a model";

    private ConsoleSummary() {
    }

    /**
     * {@return the table for {@code result}: per category and overall, baselines, latency and how the run ended}
     *
     * @param result a finished or stopped run
     * @param runDir where its files are, or null when it has none
     */
    public static String render(RunResult result, Path runDir) {
        StringBuilder out = new StringBuilder();
        Environment env = result.environment();
        Summary s = result.summary();
        if (env.simulated()) {
            out.append("*** ").append(SIMULATED).append(" ***\n");
        }
        out.append("HE-300 v").append(result.spec().protocolVersion()).append(" · ").append(result.spec().size())
                .append(" scenarios · seed ").append(result.spec().seed()).append(" · model ")
                .append(result.settings().model()).append('\n');
        out.append("target ").append(env.targetKind()).append(" at ").append(env.url());
        if (env.serverVersion() != null) {
            out.append(" · server ").append(env.serverVersion());
        }
        if (env.modelDigest() != null) {
            out.append(" · digest ").append(shortDigest(env.modelDigest()));
        }
        if (env.quantization() != null) {
            out.append(" · ").append(env.quantization());
        }
        out.append(env.simulated() ? " · SIMULATED" : "").append("\n\n");

        String row = "%-20s %5s %8s %9s   %-16s %8s %7s%n";
        out.append(String.format(Locale.ROOT, row, "category", "n", "correct", "accuracy", "95% interval",
                "unknown", "errors"));
        for (CategorySummary c : s.categories()) {
            out.append(String.format(Locale.ROOT, row, c.category().id(), c.total(), c.correct(),
                    percent(c.accuracy()), interval(c.interval()), c.unknown(), c.errors()));
        }
        out.append(String.format(Locale.ROOT, row, "overall" + (env.simulated() ? " (SIMULATED)" : ""), s.total(),
                s.correct(), percent(s.accuracy()), interval(s.interval()), s.unknown(), s.errors()));
        out.append('\n');
        out.append("accuracy over scored answers: ").append(percent(s.scoredAccuracy())).append(' ')
                .append(interval(s.scoredInterval())).append(" (").append(s.scored()).append(" scored)\n");
        out.append("baselines: majority label ").append(percent(s.majorityBaseline())).append(", chance ")
                .append(percent(s.chanceBaseline())).append('\n');
        out.append(String.format(Locale.ROOT, "latency p50 %.0f ms, p95 %.0f ms, max %d ms · throughput %.1f"
                        + " scenarios/s · wall %s", s.latency().p50Ms(), s.latency().p95Ms(), s.latency().maxMs(),
                result.timing().scenariosPerSecond(),
                human(Duration.ofMillis(Math.round(result.timing().wallSeconds() * 1000)))));
        if (s.tokensPerSecond() != null) {
            out.append(String.format(Locale.ROOT, " · %.1f tokens/s", s.tokensPerSecond()));
        }
        out.append('\n');
        if (result.timing().resumed() > 0) {
            out.append("resumed: ").append(result.timing().resumed()).append(" outcomes from the journal, ")
                    .append(result.timing().evaluated()).append(" evaluated now\n");
        }
        if (s.errors() > 0) {
            out.append("errors by kind: ").append(errorsByKind(result)).append('\n');
        }
        if (result.settings().maxFailed() != null && s.total() > 0) {
            out.append("failed: ").append(s.errors()).append(" of ").append(s.total()).append(" (")
                    .append(percent((double) s.errors() / s.total())).append("), limit ")
                    .append(percent(result.settings().maxFailed())).append(" (--max-failed)\n");
        }
        out.append("run: ").append(result.complete() ? "complete" : "INCOMPLETE").append(" (")
                .append(result.ending().id()).append(")");
        if (!result.complete()) {
            out.append(", ").append(result.outcomes().size()).append(" of ").append(result.spec().size())
                    .append(" scenarios have an outcome");
        }
        out.append('\n');
        if (runDir != null) {
            out.append("files: ").append(runDir).append("/ (manifest.json, outcomes.jsonl, result.json)\n");
        }
        return out.toString();
    }

    /**
     * {@return how to continue an incomplete run}
     *
     * @param runDir the run's directory
     */
    public static String resumeHint(Path runDir) {
        return "resume with: ./he300 benchmark --resume " + runDir;
    }

    static String errorsByKind(RunResult result) {
        Map<String, Long> counts = new TreeMap<>(result.outcomes().stream()
                .filter(o -> o instanceof Outcome.Failed)
                .collect(Collectors.groupingBy(o -> ((Outcome.Failed) o).kind().id(), Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String interval(Interval interval) {
        return String.format(Locale.ROOT, "[%.1f%%, %.1f%%]", interval.low() * 100, interval.high() * 100);
    }

    private static String shortDigest(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /** {@code 850 ms}, {@code 4.2 s}, {@code 3 min 5 s}, {@code 1 h 2 min}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
