package io.github.rngops.he300.report;

/**
 * The exact McNemar test for two classifiers on the same items: of the {@code b + c} discordant items ({@code b} that
 * only the first got right, {@code c} only the second), under "equally good" each is the first's with probability
 * 1/2, so the two-sided p-value is {@code min(1, 2 · P[X ≤ min(b, c)])} for {@code X ~ Binomial(b + c, 1/2)}.
 */
final class McNemar {

    private McNemar() {
    }

    /** The exact two-sided p-value; 1 when there are no discordant items. */
    static double exactP(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative, were " + b + " and " + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        // sum of C(n, i) / 2^n for i = 0..k, in log space so that n in the thousands neither overflows nor underflows
        double logHalfN = -n * Math.log(2);
        double logTerm = logHalfN;               // i = 0: C(n, 0) = 1
        double sum = Math.exp(logTerm);
        for (int i = 1; i <= k; i++) {
            logTerm += Math.log(n - i + 1) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, 2 * sum);
    }
}
