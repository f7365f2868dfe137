package io.github.rngops.he300.core.score;

/**
 * A 95% confidence interval for a proportion, as fractions in [0, 1].
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

    /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
    public static final double Z95 = 1.959963984540054;

    /**
     * Checks the components, as the class description says of each.
     *
     * @param low the lower bound
     * @param high the upper bound
     */
    public Interval {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw new IllegalArgumentException("interval must satisfy 0 <= low <= high <= 1, was [" + low + ", " + high + "]");
        }
    }

    /**
     * The Wilson score interval for {@code successes} out of {@code n} at 95%. With {@code n = 0} there is no
     * information and the interval is [0, 1].
     *
     * @param successes how many succeeded, 0..n
     * @param n how many were tried, 0 or more
     * @return the interval, clamped to [0, 1]
     * @throws IllegalArgumentException unless {@code 0 <= successes <= n}
     */
    public static Interval wilson(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, was " + successes + " of " + n);
        }
        if (n == 0) {
            return new Interval(0, 1);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // Clamp rounding noise at the ends (0 of n, n of n).
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
