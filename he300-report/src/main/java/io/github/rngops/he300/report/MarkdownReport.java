package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.LatencySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A result as GitHub-flavoured Markdown: the headline, the summary table, the worst categories, a sample of wrong,
 * unknown and failed answers (escaped for table cells), settings and environment. Short enough for
 * {@code $GITHUB_STEP_SUMMARY} whatever the size of the run: the samples are capped.
 */
final class MarkdownReport {

    /** Answers of each kind shown, at most. */
    static final int SAMPLE = 10;
    /** Characters of an answer shown in a table cell, at most. */
    static final int ANSWER_CHARS = 160;

    private MarkdownReport() {
    }

    static void write(RunResult result, Writer out) throws IOException {
        Summary summary = result.summary();
        Map<Category, Double> baselines = Figures.majorityBaselines(result);
        out.write("# HE-300 result: " + Escape.markdownCell(Figures.model(result))
                + (result.environment().simulated() ? " — SIMULATED" : "") + "\n\n");
        if (result.environment().simulated()) {
            out.write("> [!WARNING]\n> **Simulated run**: the answers came from a simulator, not a model."
                    + " These figures say nothing about any model.\n\n");
        }
        if (!result.complete()) {
            out.write("> [!CAUTION]\n> **Incomplete run** (" + result.ending().id() + "): " + result.outcomes().size()
                    + " of " + result.spec().size() + " scenarios have an outcome; the figures cover those only.\n\n");
        }
        out.write("**Accuracy " + Figures.percent(summary.accuracy()) + "** (95% CI "
                + Figures.interval(summary.interval().low(), summary.interval().high()) + "): "
                + summary.correct() + " of " + summary.total() + " correct · majority-label baseline "
                + Figures.percent(summary.majorityBaseline()) + " · chance " + Figures.percent(summary.chanceBaseline())
                + "\n\n");
        out.write(Escape.markdownCell(Figures.target(result)) + " · protocol " + Figures.protocol(result) + " · seed "
                + Escape.markdownCell(Figures.seed(result)) + " · " + Figures.started(result) + "\n\n");

        out.write("| category | n | correct | accuracy | 95% CI | baseline | unknown | errors |\n");
        out.write("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        out.write(String.format(Locale.ROOT, "| **overall** | %d | %d | **%s** | %s | %s | %d | %d |%n",
                summary.total(), summary.correct(), Figures.percent(summary.accuracy()),
                Figures.interval(summary.interval().low(), summary.interval().high()),
                Figures.percent(summary.majorityBaseline()), summary.unknown(), summary.errors()));
        for (CategorySummary c : summary.categories()) {
            out.write(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %d | %d |%n", c.category().id(),
                    c.total(), c.correct(), Figures.percent(c.accuracy()), Figures.interval(c),
                    baselines.containsKey(c.category()) ? Figures.percent(baselines.get(c.category())) : "–",
                    c.unknown(), c.errors()));
        }
        out.write("\nAccuracy counts unknown answers and errors as not correct. Over the " + summary.scored()
                + " scored answers only: " + Figures.percent(summary.scoredAccuracy()) + " (95% CI "
                + Figures.interval(summary.scoredInterval().low(), summary.scoredInterval().high()) + ").\n");
        LatencySummary latency = summary.latency();
        out.write("Latency over " + latency.count() + " answers: p50 " + Figures.millis(latency.p50Ms()) + ", p95 "
                + Figures.millis(latency.p95Ms()) + ", max " + Figures.millis(latency.maxMs())
                + (summary.tokensPerSecond() == null ? ""
                        : String.format(Locale.ROOT, "; %.1f tokens/s", summary.tokensPerSecond())) + ".\n\n");

        writeWorst(summary, baselines, out);
        writeSample(result, Row.Result.WRONG, "Wrong answers", out);
        writeSample(result, Row.Result.UNKNOWN, "Unknown answers", out);
        writeSample(result, Row.Result.ERROR, "Errors", out);
        writePairs("Settings", Figures.settings(result), out);
        writePairs("Environment", Figures.environment(result), out);
    }

    private static void writeWorst(Summary summary, Map<Category, Double> baselines, Writer out) throws IOException {
        List<CategorySummary> worst = summary.categories().stream().filter(c -> c.total() > 0)
                .sorted(Comparator.comparingDouble(CategorySummary::accuracy)).limit(3).collect(Collectors.toList());
        if (worst.isEmpty()) {
            return;
        }
        out.write("## Worst categories\n\n");
        int rank = 1;
        for (CategorySummary c : worst) {
            Double baseline = baselines.get(c.category());
            String against = baseline == null ? ""
                    : c.interval().high() < baseline ? ", below its majority-label baseline " + Figures.percent(baseline)
                    : c.interval().low() > baseline ? ", above its majority-label baseline " + Figures.percent(baseline)
                    : ", not distinguishable from its majority-label baseline " + Figures.percent(baseline);
            out.write(rank++ + ". **" + c.category().id() + "**: " + Figures.percent(c.accuracy()) + " (95% CI "
                    + Figures.interval(c) + ", " + c.correct() + " of " + c.total() + ")" + against + "\n");
        }
        out.write("\n");
    }

    private static void writeSample(RunResult result, Row.Result kind, String title, Writer out) throws IOException {
        List<Row> rows = result.outcomes().stream().map(Row::of).filter(r -> r.result() == kind)
                .collect(Collectors.toList());
        if (rows.isEmpty()) {
            return;
        }
        out.write("## " + title + " (" + (rows.size() > SAMPLE ? "first " + SAMPLE + " of " + rows.size()
                : Integer.toString(rows.size())) + ")\n\n");
        out.write("| scenario | category | expected | " + (kind == Row.Result.ERROR ? "error | message" : "read as | answer")
                + " |\n|---|---|---|---|---|\n");
        for (Row row : rows.subList(0, Math.min(SAMPLE, rows.size()))) {
            out.write("| " + Escape.markdownCell(row.id()) + " | " + row.category().id() + " | " + row.expected()
                    + " | " + Escape.markdownCell(row.verdict()) + " | "
                    + Escape.markdownCell(Escape.shorten(row.answer(), ANSWER_CHARS)) + " |\n");
        }
        out.write("\n");
    }

    private static void writePairs(String title, List<Map.Entry<String, String>> pairs, Writer out)
            throws IOException {
        out.write("## " + title + "\n\n|  |  |\n|---|---|\n");
        for (Map.Entry<String, String> pair : pairs) {
            out.write("| " + Escape.markdownCell(pair.getKey()) + " | " + Escape.markdownCell(pair.getValue()) + " |\n");
        }
        out.write("\n");
    }
}
