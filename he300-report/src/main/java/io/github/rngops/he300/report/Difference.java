package io.github.rngops.he300.report;

import io.github.rngops.he300.core.score.Interval;

/**
 * The difference between one result's accuracy and the first result's, over all scenarios or one category, with a
 * 95% interval.
 *
 * <p>The interval is Newcombe's hybrid score interval for a difference of two independent proportions (Newcombe
 * 1998, method 10), built from the two Wilson score intervals: for {@code d = p1 - p2} with Wilson intervals
 * {@code [l1, u1]} and {@code [l2, u2]},
 * {@code low = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} and {@code high = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}.
 * When both results ran the same scenarios the samples are paired, for which this interval is conservative (too
 * wide when the two agree on most scenarios); {@link #better()} and {@link #worse()} give the paired counts.
 *
 * @param label the result compared with the first
 * @param group {@code overall} or a category id
 * @param estimate this result's accuracy minus the first's, as a fraction
 * @param low lower 95% bound of the difference
 * @param high upper 95% bound of the difference
 * @param better scenarios both ran that this result got right and the first did not
 * @param worse scenarios both ran that the first got right and this result did not
 */
public record Difference(String label, String group, double estimate, double low, double high, int better,
        int worse) {

    /** {@return whether the interval contains 0: the data cannot tell the two accuracies apart} */
    public boolean withinNoise() {
        return low <= 0 && 0 <= high;
    }

    /** {@return {@code within noise}, {@code higher} or {@code lower}} */
    public String reading() {
        return withinNoise() ? "within noise" : estimate > 0 ? "higher" : "lower";
    }

    /**
     * Newcombe's hybrid score interval for {@code x1/n1 - x2/n2}: {estimate, low, high}. With no scenarios on either
     * side nothing is known and the interval is [-1, 1].
     */
    static double[] newcombe(int x1, int n1, int x2, int n2) {
        if (n1 == 0 || n2 == 0) {
            double estimate = (n1 == 0 ? 0 : (double) x1 / n1) - (n2 == 0 ? 0 : (double) x2 / n2);
            return new double[] {estimate, -1, 1};
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = Interval.wilson(x1, n1);
        Interval w2 = Interval.wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        return new double[] {d, Math.max(-1, low), Math.min(1, high)};
    }

    private static double square(double x) {
        return x * x;
    }
}
