package io.github.rngops.he300.report;

import io.github.rngops.he300.core.score.LatencySummary;
import java.util.Arrays;

/** The distribution of answer latencies as an SVG histogram, with p50 and p95 marked. */
final class LatencyHistogram {

    private static final double WIDTH = 560;
    private static final double HEIGHT = 210;
    private static final double LEFT = 40;
    private static final double RIGHT = 12;
    private static final double TOP = 22;
    private static final double BOTTOM = 34;
    private static final int BINS = 24;

    private LatencyHistogram() {
    }

    static String svg(long[] latenciesMs, LatencySummary summary) {
        Svg svg = new Svg().open(WIDTH, HEIGHT, "chart latency", "Histogram of answer latency over "
                + latenciesMs.length + " answers; p50 " + Figures.millis(summary.p50Ms()) + ", p95 "
                + Figures.millis(summary.p95Ms()));
        if (latenciesMs.length == 0) {
            svg.text("tick", WIDTH / 2, HEIGHT / 2, "middle", "no answers, no latencies");
            return svg.close();
        }
        long max = Arrays.stream(latenciesMs).max().orElse(0);
        double step = niceStep(Math.max(1, max) / (double) BINS);
        int bins = (int) Math.min(BINS * 2, Math.floor(max / step) + 1);
        int[] counts = new int[bins];
        for (long latency : latenciesMs) {
            counts[(int) Math.min(bins - 1, Math.floor(latency / step))]++;
        }
        int peak = Arrays.stream(counts).max().orElse(1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double binWidth = plotWidth / bins;
        double bottom = TOP + plotHeight;
        int yStep = (int) Math.max(1, niceStep(peak / 4.0));
        for (int y = 0; y <= peak; y += yStep) {
            double py = bottom - plotHeight * y / peak;
            svg.line("grid", LEFT, py, LEFT + plotWidth, py).text("tick", LEFT - 6, py + 4, "end", Integer.toString(y));
        }
        for (int i = 0; i < bins; i++) {
            double h = plotHeight * counts[i] / peak;
            svg.rect("hist", LEFT + i * binWidth + 1, bottom - h, binWidth - 2, h, counts[i] + " answers in "
                    + Figures.millis(i * step) + "–" + Figures.millis((i + 1) * step));
        }
        svg.line("axis", LEFT, bottom, LEFT + plotWidth, bottom);
        int labelEvery = Math.max(1, (int) Math.ceil(bins / 5.0));
        for (int i = 0; i <= bins; i += labelEvery) {
            svg.text("tick", LEFT + i * binWidth, bottom + 16, i + labelEvery > bins && i > 0 ? "end" : "middle",
                    Figures.millis(i * step));
        }
        double scale = plotWidth / (bins * step);
        double p50 = LEFT + summary.p50Ms() * scale;
        double p95 = LEFT + summary.p95Ms() * scale;
        svg.line("marker", p50, TOP - 4, p50, bottom).text("marker-label", p50, TOP - 8,
                p50 > WIDTH - 90 ? "end" : "middle", "p50 " + Figures.millis(summary.p50Ms()));
        svg.line("marker", p95, TOP - 4, p95, bottom);
        if (p95 - p50 > 70) {
            svg.text("marker-label", p95, TOP - 8, p95 > WIDTH - 90 ? "end" : "middle",
                    "p95 " + Figures.millis(summary.p95Ms()));
        }
        svg.text("tick", LEFT + plotWidth / 2, HEIGHT - 4, "middle", "latency per answer (bin " + Figures.millis(step)
                + ")");
        return svg.close();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
