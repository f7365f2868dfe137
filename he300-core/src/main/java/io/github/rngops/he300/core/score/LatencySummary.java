package io.github.rngops.he300.core.score;

/**
 * Latency of the answered scenarios, in milliseconds. Percentiles interpolate linearly between closest ranks, as
 * numpy's default ({@code method="linear"}) does: for sorted values {@code x[0..n-1]} the p-th percentile is at rank
 * {@code h = (n - 1) * p / 100}, that is {@code x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])}.
 * With no values, count is 0 and every figure is 0.
 *
 * @param count how many latencies the figures are over
 * @param p50Ms the median, in milliseconds
 * @param p95Ms the 95th percentile, in milliseconds
 * @param maxMs the largest, in milliseconds
 */
public record LatencySummary(int count, double p50Ms, double p95Ms, long maxMs) {

    /**
     * {@return the figures over {@code latenciesMs}}
     *
     * @param latenciesMs latencies in milliseconds, in any order; not changed
     */
    public static LatencySummary of(long[] latenciesMs) {
        if (latenciesMs.length == 0) {
            return new LatencySummary(0, 0, 0, 0);
        }
        long[] sorted = latenciesMs.clone();
        java.util.Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1]);
    }

    /** The {@code p}-th percentile (0 to 100) of ascending {@code sorted}, interpolated as numpy's default. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0 || p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p + " of " + sorted.length + " values");
        }
        double rank = (sorted.length - 1) * p / 100.0;
        int below = (int) Math.floor(rank);
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
