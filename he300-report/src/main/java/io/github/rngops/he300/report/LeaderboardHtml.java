package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Leaderboard} as one self-contained HTML page: the chart of the run report (accuracy bars with their 95%
 * whiskers and each cell's majority-label baseline), then the table. No script; the page's CSP allows only its style.
 */
final class LeaderboardHtml {

    private LeaderboardHtml() {
    }

    static void write(Leaderboard board, Writer out) throws IOException {
        List<Category> categories = board.categories();
        Page.open(out, board.title(), Page.CSS, null);
        out.write("<header>\n<h1>" + Escape.html(board.title())
                + (board.simulated() ? "<span class=\"badge sim\">Simulated</span>" : "") + "</h1>\n<p class=\"sub\">"
                + board.rows().size() + " cells, compared with " + Escape.html(board.baseline()) + ". Accuracy counts"
                + " unknown answers and errors as wrong; 95% Wilson intervals. A rank is a range where intervals"
                + " overlap; a difference is within noise unless the exact McNemar test on the shared scenarios"
                + " (p &lt; 0.05), or the interval when none are shared, separates it.</p>\n");
        if (board.simulated()) {
            out.write("<p class=\"notice\"><strong>Simulated results.</strong> Some answers came from the he300 "
                    + "simulator, not a model.</p>\n");
        }
        out.write("</header>\n<section aria-labelledby=\"h-acc\"><h2 id=\"h-acc\">Accuracy</h2>\n"
                + "<figure class=\"acc\">");
        out.write(AccuracyChart.svg(groups(board), "Accuracy of each cell with its 95% interval"));
        out.write("\n<ul class=\"legend\"><li><i class=\"wh\"></i>95% Wilson interval</li><li><i class=\"bl\"></i>"
                + "majority-label baseline</li><li><i class=\"ch\"></i>chance</li></ul>\n</figure>\n</section>\n");
        List<DifferenceChart.Point> points = differences(board);
        if (!points.isEmpty()) {
            out.write("<section aria-labelledby=\"h-diff\"><h2 id=\"h-diff\">Difference from "
                    + Escape.html(board.baseline()) + "</h2>\n<figure class=\"acc\">");
            out.write(DifferenceChart.svg(points, "Each cell's accuracy minus the baseline's, with its 95% interval"));
            out.write("\n<ul class=\"legend\"><li><i class=\"wh\"></i>95% interval (Newcombe)</li><li><i"
                    + " class=\"ch\"></i>no difference: a whisker across it is within noise by the interval</li>"
                    + "</ul>\n</figure>\n</section>\n");
        }
        out.write("<section aria-labelledby=\"h-tab\"><h2 id=\"h-tab\">Cells</h2>\n<div class=\"tablewrap\"><table"
                + " class=\"summary\"><thead><tr><th>rank</th><th>cell</th><th>model</th><th>host</th><th>seed</th>"
                + "<th class=\"n\">accuracy</th><th class=\"n\">95% CI</th>");
        for (Category c : categories) {
            out.write("<th class=\"n\">" + Escape.html(c.id()) + "</th>");
        }
        out.write("<th class=\"n\">unknown</th><th class=\"n\">errors</th><th class=\"n\">p50</th><th class=\"n\">p95"
                + "</th><th class=\"n\">scen/s</th><th class=\"n\">vs baseline</th><th class=\"n\">McNemar p</th>"
                + "<th>reading</th><th>signature</th></tr></thead><tbody>\n");
        int series = 0;
        for (LeaderboardRow r : board.rows()) {
            LeaderboardRow.Versus v = r.versus();
            out.write("<tr><td>" + r.rank() + "</td><td><span class=\"legend-inline\"><i class=\"k" + (series++ % 8)
                    + "\"></i></span>" + Escape.html(r.id()) + (r.mismatch() == null ? ""
                    : " <span class=\"badge\" title=\"" + Escape.html(r.mismatch()) + "\">≠ design</span>")
                    + (r.simulated() ? " <span class=\"badge sim\">sim</span>" : "") + "</td><td>"
                    + Escape.html(r.modelLabel()) + "</td><td>" + Escape.html(r.host()) + "</td><td>"
                    + Escape.html(r.seed() == null ? "–" : r.seed()) + "</td>" + n(Figures.percent(r.accuracy()))
                    + n(LeaderboardText.ci(r.interval())));
            for (Category c : categories) {
                LeaderboardRow.Figure f = r.categories().get(c);
                out.write(n(f == null ? "–" : Figures.percent(f.accuracy())));
            }
            out.write(n(Figures.percent(r.unknownRate())) + n(Figures.percent(r.errorRate()))
                    + n(Figures.millis(r.p50Ms())) + n(Figures.millis(r.p95Ms()))
                    + n(String.format(Locale.ROOT, "%.1f", r.scenariosPerSecond()))
                    + n(v == null ? "baseline" : Figures.points(v.estimate()) + " [" + Figures.points(v.low()) + ", "
                            + Figures.points(v.high()) + "]")
                    + n(LeaderboardText.test(v))
                    + "<td>" + (v == null ? "–" : Escape.html(v.reading())) + "</td><td>" + Escape.html(r.signature())
                    + "</td></tr>\n");
        }
        out.write("</tbody></table></div>\n</section>\n");
        Page.close(out, "he300 leaderboard · " + Escape.html(Leaderboard.SCHEMA), null);
    }

    private static List<DifferenceChart.Point> differences(Leaderboard board) {
        List<DifferenceChart.Point> points = new ArrayList<>();
        int series = 0;
        for (LeaderboardRow r : board.rows()) {
            LeaderboardRow.Versus v = r.versus();
            if (v != null) {
                points.add(new DifferenceChart.Point(r.id(), series, v.estimate(), v.low(), v.high(), r.id() + ": "
                        + Figures.points(v.estimate()) + " [" + Figures.points(v.low()) + ", "
                        + Figures.points(v.high()) + "], " + v.reading()));
            }
            series++;
        }
        return points;
    }

    private static List<AccuracyChart.Group> groups(Leaderboard board) {
        List<AccuracyChart.Group> groups = new ArrayList<>();
        int series = 0;
        for (LeaderboardRow r : board.rows()) {
            String title = r.id() + ": " + Figures.percent(r.accuracy()) + " (" + LeaderboardText.ci(r.interval())
                    + ")";
            double baseline = board.entries().stream().filter(e -> e.id().equals(r.id())).findFirst()
                    .map(e -> e.result().summary().majorityBaseline()).orElse(Double.NaN);
            groups.add(new AccuracyChart.Group(r.rank() + ". " + r.id(), r.id().equals(board.baseline()),
                    List.of(new AccuracyChart.Bar(series++, r.accuracy(), r.interval().low(), r.interval().high(),
                            title)), baseline));
        }
        return groups;
    }

    private static String n(String value) {
        return "<td class=\"n\">" + Escape.html(value) + "</td>";
    }
}
