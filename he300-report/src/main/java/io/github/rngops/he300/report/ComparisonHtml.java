package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link Comparison} as one self-contained HTML page (no script: nothing in it needs one). */
final class ComparisonHtml {

    private ComparisonHtml() {
    }

    static void write(Comparison comparison, Writer out) throws IOException {
        List<RunResult> results = comparison.results();
        List<String> labels = comparison.labels();
        boolean simulated = results.stream().anyMatch(r -> r.environment().simulated());
        Page.open(out, "HE-300 comparison of " + results.size() + " results", Page.CSS, null);
        out.write("<header>\n<h1>HE-300 comparison of " + results.size() + " results"
                + (simulated ? "<span class=\"badge sim\">Simulated</span>" : "") + "</h1>\n<p class=\"sub\">"
                + "Differences are from " + Escape.html(labels.get(0)) + "; " + comparison.shared()
                + " scenarios ran in every result.</p>\n");
        if (simulated) {
            out.write("<p class=\"notice\"><strong>Simulated results.</strong> Some answers came from a simulator, "
                    + "not a model.</p>\n");
        }
        out.write("</header>\n<section aria-labelledby=\"h-res\"><h2 id=\"h-res\">Results</h2>\n");
        out.write("<div class=\"tablewrap\"><table class=\"summary\"><thead><tr><th>result</th><th>target</th>"
                + "<th>seed</th><th>date</th><th class=\"n\">n</th><th class=\"n\">accuracy</th><th class=\"n\">95% CI"
                + "</th><th class=\"n\">unknown</th><th class=\"n\">errors</th><th class=\"n\">p50 latency</th></tr>"
                + "</thead><tbody>\n");
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            Summary s = r.summary();
            out.write("<tr><td>" + swatch(i) + Escape.html(labels.get(i))
                    + (r.environment().simulated() ? " <span class=\"badge sim\">sim</span>" : "") + "</td><td>"
                    + Escape.html(Figures.target(r)) + "</td><td>" + Escape.html(Figures.seed(r)) + "</td><td>"
                    + Figures.started(r) + "</td>" + n(s.total()) + n(Figures.percent(s.accuracy()))
                    + n(Figures.interval(s.interval().low(), s.interval().high())) + n(s.unknown()) + n(s.errors())
                    + n(Figures.millis(s.latency().p50Ms())) + "</tr>\n");
        }
        out.write("</tbody></table></div>\n</section>\n");

        out.write("<section aria-labelledby=\"h-acc\"><h2 id=\"h-acc\">Accuracy by category</h2>\n<figure class=\"acc\">");
        out.write(AccuracyChart.svg(groups(comparison), "Accuracy by category for each result, with 95% intervals"));
        out.write("\n<ul class=\"legend\">");
        for (int i = 0; i < labels.size(); i++) {
            out.write("<li><i class=\"k" + (i % 8) + "\"></i>" + Escape.html(labels.get(i)) + "</li>");
        }
        out.write("<li><i class=\"wh\"></i>95% Wilson interval</li><li><i class=\"bl\"></i>majority-label baseline "
                + "(of " + Escape.html(labels.get(0)) + ")</li><li><i class=\"ch\"></i>chance</li></ul>\n</figure>\n");
        out.write("<div class=\"tablewrap\"><table class=\"summary\"><thead><tr><th>category</th>");
        for (int i = 0; i < labels.size(); i++) {
            out.write("<th class=\"n\">" + Escape.html(labels.get(i)) + "</th>");
        }
        out.write("</tr></thead><tbody>\n<tr class=\"overall\"><td>overall</td>");
        for (RunResult r : results) {
            out.write(n(Figures.percent(r.summary().accuracy()) + " (" + Figures.interval(r.summary().interval().low(),
                    r.summary().interval().high()) + ")"));
        }
        out.write("</tr>\n");
        for (Category category : comparison.categories()) {
            out.write("<tr><td>" + category.id() + "</td>");
            for (RunResult r : results) {
                CategorySummary c = Comparison.find(r.summary(), category);
                out.write(n(c == null ? "–" : Figures.percent(c.accuracy()) + " (" + Figures.interval(c) + ")"));
            }
            out.write("</tr>\n");
        }
        out.write("</tbody></table></div>\n</section>\n");

        out.write("<section aria-labelledby=\"h-diff\"><h2 id=\"h-diff\">Differences from " + Escape.html(labels.get(0))
                + "</h2>\n<div class=\"tablewrap\"><table class=\"summary\"><thead><tr><th>result</th><th>group</th>"
                + "<th class=\"n\">difference</th><th class=\"n\">95% CI</th><th>reading</th><th class=\"n\">better / "
                + "worse</th></tr></thead><tbody>\n");
        for (Difference d : comparison.differences()) {
            String reading = d.withinNoise() ? "<span class=\"sub\">within noise</span>"
                    : "<strong>" + d.reading() + "</strong>";
            out.write("<tr" + (d.group().equals("overall") ? " class=\"overall\"" : "") + "><td>"
                    + Escape.html(d.label()) + "</td><td>" + d.group() + "</td>" + n(Figures.points(d.estimate()))
                    + n(Figures.points(d.low()).replace(" pp", "") + " to " + Figures.points(d.high())) + "<td>"
                    + reading + "</td>" + n("+" + d.better() + " / −" + d.worse()) + "</tr>\n");
        }
        out.write("</tbody></table></div>\n<p class=\"sub\">" + Escape.html(ComparisonMarkdown.METHOD)
                + "</p>\n</section>\n");

        out.write("<section aria-labelledby=\"h-dis\"><h2 id=\"h-dis\">Scenarios on which they disagree: "
                + comparison.disagreements() + " of " + comparison.shared() + "</h2>\n");
        out.write("<div class=\"tablewrap\"><table class=\"scenarios\" id=\"disagreements\"><thead><tr>"
                + "<th>scenario</th><th>expected</th>");
        for (String label : labels) {
            out.write("<th>" + Escape.html(label) + "</th>");
        }
        out.write("</tr></thead><tbody>\n");
        StringBuilder line = new StringBuilder(512);
        comparison.forEachDisagreement(row -> {
            Outcome first = row[0];
            line.setLength(0);
            line.append("<tr class=\"s\"><td data-label=\"scenario\"><span class=\"id mono\">")
                    .append(Escape.html(first.scenarioId()).replace(":", ":<wbr>")).append("</span><br>")
                    .append(first.category().id()).append("</td><td data-label=\"expected\">")
                    .append(first.category().wordFor(first.expectedLabel())).append("</td>");
            for (int i = 0; i < row.length; i++) {
                Row view = Row.of(row[i]);
                line.append("<td class=\"r-").append(view.result().id).append("\" data-label=\"")
                        .append(Escape.html(labels.get(i))).append("\">").append(Escape.html(view.verdict()))
                        .append(" <span class=\"pill\">").append(view.result().id).append("</span></td>");
            }
            line.append("</tr>\n");
            out.append(line);
        });
        out.write("</tbody></table></div>\n</section>\n");
        Page.close(out, "Written by he300-report. This page is self-contained: it loads nothing from the network.",
                null);
    }

    private static List<AccuracyChart.Group> groups(Comparison comparison) {
        List<RunResult> results = comparison.results();
        List<AccuracyChart.Group> groups = new ArrayList<>();
        List<AccuracyChart.Bar> overall = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Summary s = results.get(i).summary();
            overall.add(new AccuracyChart.Bar(i, s.accuracy(), s.interval().low(), s.interval().high(),
                    comparison.labels().get(i) + ": " + Figures.percent(s.accuracy())));
        }
        groups.add(new AccuracyChart.Group("overall", true, overall, results.get(0).summary().majorityBaseline()));
        Map<Category, Double> baselines = Figures.majorityBaselines(results.get(0));
        for (Category category : comparison.categories()) {
            List<AccuracyChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                CategorySummary c = Comparison.find(results.get(i).summary(), category);
                if (c != null) {
                    bars.add(new AccuracyChart.Bar(i, c.accuracy(), c.interval().low(), c.interval().high(),
                            comparison.labels().get(i) + ", " + category.id() + ": " + Figures.percent(c.accuracy())));
                }
            }
            groups.add(new AccuracyChart.Group(category.id(), false, bars,
                    baselines.getOrDefault(category, Double.NaN)));
        }
        return groups;
    }

    private static String swatch(int series) {
        return "<span class=\"legend-inline\"><i class=\"k" + (series % 8) + "\"></i></span>";
    }

    private static String n(Object value) {
        return "<td class=\"n\">" + Escape.html(String.valueOf(value)) + "</td>";
    }
}
