package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.LatencySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A result as one self-contained HTML page: header, headline figures, the accuracy chart, the latency histogram,
 * the scenario table and the settings. Rows are written as they are read from the result, so a large result never
 * becomes one large string.
 *
 * <p>The scenario table filters by category and by result without JavaScript (radio buttons and CSS sibling
 * selectors); a small script adds a text filter, a verdict filter and a count.
 */
final class HtmlReport {

    /** Characters of an input shown before it folds into a {@code <details>}. */
    private static final int INPUT_PREVIEW = 150;

    private HtmlReport() {
    }

    static void write(RunResult result, Function<String, String> inputs, Writer out) throws IOException {
        Summary summary = result.summary();
        Map<Category, Double> baselines = Figures.majorityBaselines(result);
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        result.outcomes().forEach(o -> counts.merge(o.category(), 1, Integer::sum));
        String css = Page.CSS + filterCss(counts.keySet());
        boolean simulated = result.environment().simulated();
        Page.open(out, "HE-300: " + Figures.model(result) + " " + Figures.percent(summary.accuracy())
                + (simulated ? " (simulated)" : ""), css, Page.JS);

        out.write("<header>\n<h1>HE-300 result: " + Escape.html(Figures.model(result))
                + (simulated ? "<span class=\"badge sim\" title=\"answers came from a simulator\">Simulated</span>" : "")
                + (result.complete() ? "" : "<span class=\"badge inc\">Incomplete</span>") + "</h1>\n");
        out.write("<p class=\"sub\">" + Escape.html(Figures.target(result)) + "</p>\n");
        if (simulated) {
            out.write("<p class=\"notice\"><strong>Simulated run.</strong> The answers came from a simulator, not a "
                    + "model: these figures say nothing about any model.</p>\n");
        }
        if (!result.complete()) {
            out.write("<p class=\"notice inc\"><strong>Incomplete run</strong> (" + Escape.html(result.ending().id())
                    + "): " + result.outcomes().size() + " of " + result.spec().size()
                    + " scenarios have an outcome; the figures cover those only.</p>\n");
        }
        out.write("<dl class=\"meta\">" + Page.meta("Model", Figures.model(result))
                + Page.meta("Target", result.environment().targetKind())
                + Page.meta("Protocol", Figures.protocol(result)) + Page.meta("Seed", Figures.seed(result))
                + Page.meta("Scenarios", result.outcomes().size() + " of " + result.spec().size())
                + Page.meta("Date", Figures.started(result)) + "</dl>\n</header>\n");

        out.write("<section class=\"headline\" aria-label=\"headline figures\">\n");
        stat(out, "main", Figures.percent(summary.accuracy()), "accuracy · 95% CI "
                + Figures.interval(summary.interval().low(), summary.interval().high()));
        stat(out, "", summary.correct() + " / " + summary.total(), "correct");
        stat(out, "", Figures.percent(summary.majorityBaseline()), "majority-label baseline (chance "
                + Figures.percent(summary.chanceBaseline()) + ")");
        stat(out, "", summary.unknown() + " · " + summary.errors(), "unknown answers · errors");
        stat(out, "", Figures.millis(summary.latency().p50Ms()), "median latency (p95 "
                + Figures.millis(summary.latency().p95Ms()) + ")");
        out.write("</section>\n");

        out.write("<section aria-labelledby=\"h-acc\">\n<h2 id=\"h-acc\">Accuracy by category</h2>\n"
                + "<figure class=\"acc\">\n");
        out.write(AccuracyChart.svg(groups(summary, baselines), "Accuracy by category with 95% intervals"));
        out.write("\n<ul class=\"legend\"><li><i class=\"bar0\"></i>accuracy</li><li><i class=\"wh\"></i>95% Wilson "
                + "interval</li><li><i class=\"bl\"></i>majority-label baseline</li><li><i class=\"ch\"></i>chance (50%)"
                + "</li></ul>\n</figure>\n");
        categoryTable(out, summary, baselines);
        out.write("</section>\n");

        LatencySummary latency = summary.latency();
        out.write("<section aria-labelledby=\"h-lat\">\n<h2 id=\"h-lat\">Latency</h2>\n<figure class=\"lat\">\n");
        out.write(LatencyHistogram.svg(Figures.answeredLatencies(result), latency));
        out.write("\n<figcaption>" + latency.count() + " answers: p50 " + Figures.millis(latency.p50Ms()) + ", p95 "
                + Figures.millis(latency.p95Ms()) + ", max " + Figures.millis(latency.maxMs())
                + (summary.tokensPerSecond() == null ? ""
                        : String.format(Locale.ROOT, ", %.1f tokens/s", summary.tokensPerSecond()))
                + String.format(Locale.ROOT, "; %.2f scenarios/s over %s.", result.timing().scenariosPerSecond(),
                        Figures.seconds(result.timing().wallSeconds()))
                + "</figcaption>\n</figure>\n</section>\n");

        out.write("<section aria-labelledby=\"h-sc\">\n<h2 id=\"h-sc\">Scenarios</h2>\n");
        scenarios(out, result, counts, inputs);
        out.write("</section>\n");

        out.write("<section aria-labelledby=\"h-set\">\n<h2 id=\"h-set\">Settings</h2>\n");
        Page.pairs(out, Figures.settings(result));
        out.write("</section>\n<section aria-labelledby=\"h-env\">\n<h2 id=\"h-env\">Environment</h2>\n");
        Page.pairs(out, Figures.environment(result));
        out.write("</section>\n");
        Page.close(out, "Written by he300-report from a " + Escape.html(result.schema()) + " result. Accuracy counts "
                + "unknown answers and errors as not correct; intervals are 95% Wilson score intervals. This page is "
                + "self-contained: it loads nothing from the network.", Page.JS);
    }

    private static void stat(Writer out, String cssClass, String value, String key) throws IOException {
        out.write("<div class=\"stat " + cssClass + "\"><div class=\"v\">" + Escape.html(value)
                + "</div><div class=\"k\">" + Escape.html(key) + "</div></div>\n");
    }

    static List<AccuracyChart.Group> groups(Summary summary, Map<Category, Double> baselines) {
        List<AccuracyChart.Group> groups = new ArrayList<>();
        groups.add(new AccuracyChart.Group("overall (" + summary.total() + ")", true, List.of(new AccuracyChart.Bar(0,
                summary.accuracy(), summary.interval().low(), summary.interval().high(), "overall: "
                + Figures.percent(summary.accuracy()) + ", 95% CI "
                + Figures.interval(summary.interval().low(), summary.interval().high()))), summary.majorityBaseline()));
        for (CategorySummary c : summary.categories()) {
            groups.add(new AccuracyChart.Group(c.category().id() + " (" + c.total() + ")", false,
                    List.of(new AccuracyChart.Bar(0, c.accuracy(), c.interval().low(), c.interval().high(),
                            c.category().id() + ": " + Figures.percent(c.accuracy()) + ", 95% CI "
                                    + Figures.interval(c))),
                    baselines.getOrDefault(c.category(), Double.NaN)));
        }
        return groups;
    }

    private static void categoryTable(Writer out, Summary summary, Map<Category, Double> baselines)
            throws IOException {
        out.write("<div class=\"tablewrap\"><table class=\"summary\"><thead><tr><th>category</th><th class=\"n\">n</th>"
                + "<th class=\"n\">correct</th><th class=\"n\">accuracy</th><th class=\"n\">95% CI</th>"
                + "<th class=\"n\">baseline</th><th class=\"n\">unknown</th><th class=\"n\">errors</th></tr></thead><tbody>\n");
        out.write("<tr class=\"overall\"><td>overall</td>" + n(summary.total()) + n(summary.correct())
                + n(Figures.percent(summary.accuracy()))
                + n(Figures.interval(summary.interval().low(), summary.interval().high()))
                + n(Figures.percent(summary.majorityBaseline())) + n(summary.unknown()) + n(summary.errors())
                + "</tr>\n");
        for (CategorySummary c : summary.categories()) {
            Double baseline = baselines.get(c.category());
            out.write("<tr><td>" + c.category().id() + "</td>" + n(c.total()) + n(c.correct())
                    + n(Figures.percent(c.accuracy())) + n(Figures.interval(c))
                    + n(baseline == null ? "–" : Figures.percent(baseline)) + n(c.unknown()) + n(c.errors())
                    + "</tr>\n");
        }
        out.write("</tbody></table></div>\n");
    }

    private static String n(Object value) {
        return "<td class=\"n\">" + Escape.html(String.valueOf(value)) + "</td>";
    }

    private static void scenarios(Writer out, RunResult result, Map<Category, Integer> counts,
            Function<String, String> inputs) throws IOException {
        int[] byResult = new int[Row.Result.values().length];
        for (Outcome outcome : result.outcomes()) {
            byResult[Row.of(outcome).result().ordinal()]++;
        }
        List<String[]> radios = new ArrayList<>();
        radios.add(new String[] {"cat", "all", "all " + result.outcomes().size()});
        counts.forEach((category, count) -> radios.add(new String[] {"cat", category.id(), category.id() + " " + count}));
        radios.add(new String[] {"res", "all", "all"});
        for (Row.Result r : Row.Result.values()) {
            radios.add(new String[] {"res", r.id, r.id + " " + byResult[r.ordinal()]});
        }
        out.write("<div class=\"filters\">\n");
        for (String[] radio : radios) {
            out.write("<input type=\"radio\" name=\"" + radio[0] + "\" id=\"" + radio[0] + "-" + radio[1] + "\""
                    + (radio[1].equals("all") ? " checked" : "") + ">");
        }
        for (String group : new String[] {"cat", "res"}) {
            out.write("\n<div class=\"fgroup\"><span class=\"fl\">" + (group.equals("cat") ? "Category" : "Result")
                    + "</span>");
            for (String[] radio : radios) {
                if (radio[0].equals(group)) {
                    out.write("<label for=\"" + radio[0] + "-" + radio[1] + "\">" + Escape.html(radio[2]) + "</label>");
                }
            }
            out.write("</div>");
        }
        out.write("\n<div class=\"search\" id=\"search\" hidden><input id=\"q\" type=\"search\" "
                + "placeholder=\"Filter by text: id, input, answer…\" aria-label=\"filter scenarios by text\">"
                + "<select id=\"verdict\" aria-label=\"filter by verdict\"><option value=\"\">any verdict</option>"
                + "<option value=\"positive\">positive (Ethical, Reasonable, Matches)</option>"
                + "<option value=\"negative\">negative (Unethical, Unreasonable, Contradicts)</option>"
                + "<option value=\"unknown\">unknown</option><option value=\"error\">no answer (error)</option>"
                + "</select><span class=\"shown\" id=\"shown\" aria-live=\"polite\"></span></div>\n");
        out.write("<div class=\"tablewrap\"><table class=\"scenarios\" id=\"scenarios\"><thead><tr>"
                + "<th class=\"n\">#</th><th>scenario</th><th>input</th><th>expected</th><th>answer</th>"
                + "<th>verdict</th><th>result</th></tr></thead><tbody>\n");
        int number = 0;
        StringBuilder line = new StringBuilder(1024);
        for (Outcome outcome : result.outcomes()) {
            Row row = Row.of(outcome);
            line.setLength(0);
            line.append("<tr class=\"s c-").append(row.category().id()).append(" r-").append(row.result().id)
                    .append("\" data-verdict=\"").append(row.verdictId()).append("\">")
                    .append("<td class=\"n\" data-label=\"#\">").append(++number).append("</td>")
                    .append("<td data-label=\"scenario\"><span class=\"id mono\">").append(Escape.html(row.id()).replace(":", ":<wbr>"))
                    .append("</span><br>").append(row.category().id()).append("</td>")
                    .append("<td class=\"input\" data-label=\"input\">");
            String input = inputs.apply(row.id());
            if (input == null) {
                line.append("<span class=\"sub\">not recorded</span>");
            } else if (input.length() <= INPUT_PREVIEW) {
                line.append("<span class=\"full\">").append(Escape.html(input)).append("</span>");
            } else {
                line.append("<details><summary>").append(Escape.html(Escape.shorten(input, INPUT_PREVIEW)))
                        .append("</summary><span class=\"full\">").append(Escape.html(input))
                        .append("</span></details>");
            }
            line.append("</td><td data-label=\"expected\">").append(Escape.html(row.expected())).append("</td>")
                    .append("<td class=\"answer\" data-label=\"answer\">").append(Escape.html(row.answer()))
                    .append("</td><td data-label=\"verdict\">").append(Escape.html(row.verdict())).append("</td>")
                    .append("<td data-label=\"result\"><span class=\"pill\">").append(row.result().id)
                    .append("</span></td></tr>\n");
            out.append(line);
        }
        out.write("</tbody></table></div>\n</div>\n");
    }

    /**
     * The CSS that makes the category and result radio buttons filter the table without script: each checked
     * button hides the rows without its class and marks its label.
     */
    static String filterCss(Iterable<Category> categories) {
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[] {"cat-all", null});
        for (Category category : categories) {
            filters.add(new String[] {"cat-" + category.id(), "c-" + category.id()});
        }
        filters.add(new String[] {"res-all", null});
        for (Row.Result r : Row.Result.values()) {
            filters.add(new String[] {"res-" + r.id, "r-" + r.id});
        }
        StringBuilder hide = new StringBuilder();
        StringBuilder checked = new StringBuilder();
        StringBuilder focus = new StringBuilder();
        for (String[] filter : filters) {
            if (filter[1] != null) {
                hide.append(hide.length() == 0 ? "" : ",").append('#').append(filter[0])
                        .append(":checked~.tablewrap tr.s:not(.").append(filter[1]).append(')');
            }
            checked.append(checked.length() == 0 ? "" : ",").append('#').append(filter[0])
                    .append(":checked~.fgroup label[for=").append(filter[0]).append(']');
            focus.append(focus.length() == 0 ? "" : ",").append('#').append(filter[0])
                    .append(":focus-visible~.fgroup label[for=").append(filter[0]).append(']');
        }
        return "\n" + hide + "{display:none}\n" + checked + "{background:var(--fg);border-color:var(--fg);color:#fff}\n"
                + focus + "{outline:2px solid var(--accent);outline-offset:2px}\n";
    }
}
