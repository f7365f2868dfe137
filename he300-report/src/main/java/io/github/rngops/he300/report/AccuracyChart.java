package io.github.rngops.he300.report;

import java.util.List;

/**
 * Horizontal accuracy bars with 95% interval whiskers and a baseline marker per row, in SVG: one row per group
 * (overall, then each category). A group may hold several bars (a comparison), one per result, each in its series
 * colour.
 */
final class AccuracyChart {

    /** One bar: accuracy and its interval as fractions, and what its tooltip says. */
    record Bar(int series, double accuracy, double low, double high, String title) {
    }

    /** One labelled group of bars, with the majority-label baseline to mark (or NaN for none). */
    record Group(String label, boolean emphasised, List<Bar> bars, double baseline) {
    }

    static final double WIDTH = 560;
    private static final double LEFT = 8;
    private static final double RIGHT = 64;
    private static final double LABEL = 20;
    private static final double BAR = 16;
    private static final double GAP = 4;
    private static final double AFTER = 14;

    private AccuracyChart() {
    }

    static String svg(List<Group> groups, String label) {
        double plot = WIDTH - LEFT - RIGHT;
        double top = 6;
        double height = top;
        for (Group group : groups) {
            height += LABEL + group.bars().size() * (BAR + GAP) + AFTER;
        }
        double axis = height;
        height += 26;
        Svg svg = new Svg().open(WIDTH, height, "chart accuracy", label);
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = LEFT + plot * tick / 100.0;
            svg.line(tick == 50 ? "chance" : "grid", x, top, x, axis);
            svg.text("tick", x, axis + 16, tick == 0 ? "start" : tick == 100 ? "end" : "middle", tick + "%");
        }
        double y = top;
        for (Group group : groups) {
            svg.text(group.emphasised() ? "label strong" : "label", LEFT, y + 14, "start", group.label());
            y += LABEL;
            double first = y;
            for (Bar bar : group.bars()) {
                String series = "s" + (bar.series() % 8);
                svg.rect("bar " + series, LEFT, y, plot * bar.accuracy(), BAR, bar.title());
                double mid = y + BAR / 2;
                double x1 = LEFT + plot * bar.low();
                double x2 = LEFT + plot * bar.high();
                svg.line("whisker", x1, mid, x2, mid).line("whisker", x1, mid - 5, x1, mid + 5)
                        .line("whisker", x2, mid - 5, x2, mid + 5);
                svg.text("value", LEFT + plot + 6, mid + 4.5, "start", Figures.percent(bar.accuracy()));
                y += BAR + GAP;
            }
            if (!Double.isNaN(group.baseline())) {
                double x = LEFT + plot * group.baseline();
                svg.line("baseline", x, first - 3, x, y - GAP + 3);
                svg.diamond("baseline-mark", x, first - 3, 4.5,
                        "majority-label baseline " + Figures.percent(group.baseline()));
            }
            y += AFTER;
        }
        return svg.close();
    }
}
