package io.github.rngops.he300.report;

import java.util.List;

/**
 * The leaderboard's second chart, in SVG: each cell's difference from the baseline as a point with its 95% interval
 * across a dashed zero line, so "within noise" is visible as a whisker that crosses zero.
 */
final class DifferenceChart {

    /** One row: label, series colour, the difference and its interval as fractions, the tooltip. */
    record Point(String label, int series, double estimate, double low, double high, String title) {
    }

    private static final double WIDTH = AccuracyChart.WIDTH;
    private static final double LEFT = 220;
    private static final double RIGHT = 34;
    private static final double ROW = 22;

    private DifferenceChart() {
    }

    static String svg(List<Point> points, String label) {
        double extent = 0.1;
        for (Point p : points) {
            extent = Math.max(extent, Math.max(Math.abs(p.low()), Math.abs(p.high())));
        }
        extent = Math.ceil(extent * 10) / 10;           // whole tens of points either side
        double plot = WIDTH - LEFT - RIGHT;
        double top = 6;
        double axis = top + points.size() * ROW;
        Svg svg = new Svg().open(WIDTH, axis + 26, "chart difference", label);
        for (int tick = -4; tick <= 4; tick++) {
            double value = extent * tick / 4;
            double x = LEFT + plot * (value + extent) / (2 * extent);
            svg.line(tick == 0 ? "chance" : "grid", x, top, x, axis);
            if (tick % 2 == 0) {
                svg.text("tick", x, axis + 16, "middle", String.format(java.util.Locale.ROOT, "%+.0f pp", value * 100));
            }
        }
        double y = top;
        for (Point p : points) {
            double mid = y + ROW / 2;
            double x1 = LEFT + plot * (p.low() + extent) / (2 * extent);
            double x2 = LEFT + plot * (p.high() + extent) / (2 * extent);
            double x = LEFT + plot * (p.estimate() + extent) / (2 * extent);
            svg.text("label", LEFT - 8, mid + 4.5, "end", Escape.shorten(p.label(), 26));
            svg.line("whisker", x1, mid, x2, mid).line("whisker", x1, mid - 5, x1, mid + 5)
                    .line("whisker", x2, mid - 5, x2, mid + 5);
            svg.rect("bar s" + (p.series() % 8), x - 3, mid - 6, 6, 12, p.title());
            y += ROW;
        }
        return svg.close();
    }
}
