package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.score.Interval;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of a leaderboard: who ran what, its figures, its rank range and its difference from the baseline.
 *
 * @param id the cell id
 * @param host where it ran
 * @param model the model
 * @param quantization its quantization, or null
 * @param seed the sample's seed, or null
 * @param total scenarios with an outcome
 * @param accuracy correct over total (unknowns and errors count as wrong)
 * @param interval Wilson 95% interval of {@code accuracy}
 * @param categories accuracy and interval per category of the sample
 * @param unknownRate answers the parser could not read, over total
 * @param errorRate scenarios without an answer, over total
 * @param p50Ms median latency of the answers
 * @param p95Ms 95th percentile latency
 * @param scenariosPerSecond throughput of the run's last part
 * @param tokensPerSecond generated tokens per second where the server says; null otherwise
 * @param simulated whether the answers came from the simulator
 * @param rankLow best rank the intervals allow: 1 + cells whose interval lies wholly above this one's
 * @param rankHigh worst rank the intervals allow: cells − cells whose interval lies wholly below
 * @param versus the comparison with the baseline; null for the baseline itself
 * @param mismatch why the cell's sample design differs from the baseline's (the comparison was asked for anyway);
 *     null when it is the same
 * @param signature what the signature check found: {@code valid}, {@code unknown key}, {@code tampered}, or
 *     {@code unsigned}
 */
public record LeaderboardRow(String id, String host, String model, String quantization, String seed, int total,
        double accuracy, Interval interval, Map<Category, Figure> categories, double unknownRate, double errorRate,
        double p50Ms, double p95Ms, double scenariosPerSecond, Double tokensPerSecond, boolean simulated,
        int rankLow, int rankHigh, Versus versus, String mismatch, String signature) {

    /**
     * Checks that the id is given; the categories are copied.
     *
     * @param id the cell id
     * @param host where it ran
     * @param model the model
     * @param quantization its quantization, or null
     * @param seed the sample's seed, or null
     * @param total scenarios with an outcome
     * @param accuracy correct over total
     * @param interval Wilson 95% interval of {@code accuracy}
     * @param categories accuracy and interval per category
     * @param unknownRate unreadable answers over total
     * @param errorRate scenarios without an answer over total
     * @param p50Ms median latency
     * @param p95Ms 95th percentile latency
     * @param scenariosPerSecond throughput
     * @param tokensPerSecond generated tokens per second, or null
     * @param simulated whether the answers came from the simulator
     * @param rankLow best rank the intervals allow
     * @param rankHigh worst rank the intervals allow
     * @param versus the comparison with the baseline; null for the baseline itself
     * @param mismatch why the sample design differs from the baseline's; null when it is the same
     * @param signature what the signature check found
     */
    public LeaderboardRow {
        Objects.requireNonNull(id, "id");
        categories = Map.copyOf(categories);
    }

    /** {@return {@code 1} or {@code 1–3}: a range where the intervals cannot order the cells} */
    public String rank() {
        return rankLow == rankHigh ? Integer.toString(rankLow) : rankLow + "–" + rankHigh;
    }

    /** {@return the model, with its quantization in parentheses when there is one} */
    public String modelLabel() {
        return quantization == null ? model : model + " (" + quantization + ")";
    }

    /**
     * One category's accuracy.
     *
     * @param total the category's scenarios with an outcome
     * @param accuracy correct over total
     * @param interval Wilson 95% interval of {@code accuracy}
     */
    public record Figure(int total, double accuracy, Interval interval) {
    }

    /**
     * A cell against the baseline.
     *
     * @param estimate this cell's accuracy minus the baseline's
     * @param low lower 95% bound (Newcombe's hybrid score interval)
     * @param high upper 95% bound
     * @param shared scenarios both ran (the same seed: all of them)
     * @param better shared scenarios this cell got right and the baseline did not
     * @param worse shared scenarios the baseline got right and this cell did not
     * @param pValue exact McNemar two-sided p-value on the shared scenarios; 1 when none are shared or discordant
     */
    public record Versus(double estimate, double low, double high, int shared, int better, int worse,
            double pValue) {

        /**
         * {@return {@code higher}, {@code lower} or {@code within noise}} With shared scenarios the paired test decides
         * (p below 0.05); without, the interval does (it excludes 0).
         */
        public String reading() {
            boolean separated = shared > 0 ? pValue < 0.05 : low > 0 || high < 0;
            return !separated ? "within noise" : estimate > 0 ? "higher" : "lower";
        }
    }
}
