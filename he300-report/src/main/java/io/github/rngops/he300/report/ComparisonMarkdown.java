package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A {@link Comparison} as Markdown: results, accuracy per category, differences, disagreeing scenarios. */
final class ComparisonMarkdown {

    /** Disagreeing scenarios listed at most (the HTML lists them all). */
    static final int ROWS = 200;

    static final String METHOD = "Accuracy counts unknown answers and errors as not correct; its 95% interval is "
            + "the Wilson score interval. A difference is the result's accuracy minus the first result's, with "
            + "Newcombe's hybrid score interval (1998, method 10) for two independent proportions, built from the two "
            + "Wilson intervals; it is \"within noise\" when that interval contains 0. Results over the same "
            + "scenarios are paired, for which this interval is conservative; \"better / worse\" counts the shared "
            + "scenarios that only this result, or only the first, got right.";

    private ComparisonMarkdown() {
    }

    static void write(Comparison comparison, Writer out) throws IOException {
        List<RunResult> results = comparison.results();
        List<String> labels = comparison.labels();
        boolean simulated = results.stream().anyMatch(r -> r.environment().simulated());
        out.write("# HE-300 comparison of " + results.size() + " results" + (simulated ? " — SIMULATED" : "")
                + "\n\n");
        if (simulated) {
            out.write("> [!WARNING]\n> Some results are **simulated**: their answers came from a simulator, not a"
                    + " model.\n\n");
        }
        out.write("| # | result | target | seed | date | n | accuracy | 95% CI | unknown | errors | p50 latency |\n");
        out.write("|--:|---|---|---|---|--:|--:|--:|--:|--:|--:|\n");
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            Summary s = r.summary();
            out.write("| " + (i + 1) + " | " + Escape.markdownCell(labels.get(i))
                    + (r.environment().simulated() ? " (simulated)" : "") + " | "
                    + Escape.markdownCell(Figures.target(r)) + " | " + Escape.markdownCell(Figures.seed(r)) + " | "
                    + Figures.started(r) + " | " + s.total() + " | **" + Figures.percent(s.accuracy()) + "** | "
                    + Figures.interval(s.interval().low(), s.interval().high()) + " | " + s.unknown() + " | "
                    + s.errors() + " | " + Figures.millis(s.latency().p50Ms()) + " |\n");
        }
        out.write("\n## Accuracy by category\n\n| category |");
        for (String label : labels) {
            out.write(" " + Escape.markdownCell(label) + " |");
        }
        out.write("\n|---|" + "--:|".repeat(labels.size()) + "\n");
        out.write("| **overall** |");
        for (RunResult r : results) {
            out.write(" " + Figures.percent(r.summary().accuracy()) + " (" + Figures.interval(
                    r.summary().interval().low(), r.summary().interval().high()) + ") |");
        }
        out.write("\n");
        for (Category category : comparison.categories()) {
            out.write("| " + category.id() + " |");
            for (RunResult r : results) {
                CategorySummary c = Comparison.find(r.summary(), category);
                out.write(c == null ? " – |" : " " + Figures.percent(c.accuracy()) + " (" + Figures.interval(c) + ") |");
            }
            out.write("\n");
        }
        out.write("\n## Differences from " + Escape.markdownCell(labels.get(0)) + "\n\n");
        out.write("| result | group | difference | 95% CI | reading | better / worse |\n|---|---|--:|--:|---|--:|\n");
        for (Difference d : comparison.differences()) {
            out.write("| " + Escape.markdownCell(d.label()) + " | " + d.group() + " | " + Figures.points(d.estimate())
                    + " | " + Figures.points(d.low()).replace(" pp", "") + " to " + Figures.points(d.high()) + " | "
                    + (d.withinNoise() ? "within noise" : "**" + d.reading() + "**") + " | +" + d.better() + " / −"
                    + d.worse() + " |\n");
        }
        out.write("\n## Scenarios on which they disagree: " + comparison.disagreements() + " of " + comparison.shared()
                + " shared\n\n");
        if (comparison.disagreements() > 0) {
            out.write("| scenario | category | expected |");
            for (String label : labels) {
                out.write(" " + Escape.markdownCell(label) + " |");
            }
            out.write("\n|---|---|---|" + "---|".repeat(labels.size()) + "\n");
            int[] written = {0};
            comparison.forEachDisagreement(row -> {
                if (written[0]++ >= ROWS) {
                    return;
                }
                Outcome first = row[0];
                out.write("| " + Escape.markdownCell(first.scenarioId()) + " | " + first.category().id() + " | "
                        + first.category().wordFor(first.expectedLabel()) + " |");
                for (Outcome outcome : row) {
                    Row view = Row.of(outcome);
                    out.write(" " + Escape.markdownCell(view.verdict()) + " (" + view.result().id + ") |");
                }
                out.write("\n");
            });
            if (comparison.disagreements() > ROWS) {
                out.write("\nThe first " + ROWS + " are listed; the HTML comparison lists all "
                        + comparison.disagreements() + ".\n");
            }
        }
        out.write("\n## Method\n\n" + METHOD + "\n");
    }
}
