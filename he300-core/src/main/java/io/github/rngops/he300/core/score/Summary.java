package io.github.rngops.he300.core.score;

import java.util.List;
import java.util.Objects;

/**
 * A run's figures, PROTOCOL.md section 5: accuracy over every outcome (unknown answers and errors count and are not
 * correct, as the reference does), accuracy over the scored ones, a Wilson 95% interval for each, per-category
 * figures, latency, throughput and the two baselines to print beside a score.
 *
 * @param total outcomes counted; in an incomplete run, the scenarios that did not run are not among them
 * @param correct answers whose predicted label is the expected one
 * @param unknown answers whose verdict is unknown
 * @param errors scenarios that failed
 * @param scored {@code total - unknown - errors}
 * @param accuracy {@code correct / total}, 0 when total is 0
 * @param interval Wilson 95% interval of {@code accuracy}
 * @param scoredAccuracy {@code correct / scored}, 0 when scored is 0
 * @param scoredInterval Wilson 95% interval of {@code scoredAccuracy}
 * @param categories per category, in protocol order, for the categories of the sample
 * @param latency over answered outcomes
 * @param tokensPerSecond generated tokens over generation time, summed over the answers whose server reported both;
 *     null when none did
 * @param majorityBaseline the accuracy of always answering the sample's majority label
 * @param chanceBaseline the accuracy of answering at random: 0.5
 */
public record Summary(int total, int correct, int unknown, int errors, int scored, double accuracy,
        Interval interval, double scoredAccuracy, Interval scoredInterval, List<CategorySummary> categories,
        LatencySummary latency, Double tokensPerSecond, double majorityBaseline, double chanceBaseline) {

    /**
     * Checks that the intervals and latency are not null, and copies the categories.
     *
     * @param total outcomes counted
     * @param correct answers whose predicted label is the expected one
     * @param unknown answers whose verdict is unknown
     * @param errors scenarios that failed
     * @param scored {@code total - unknown - errors}
     * @param accuracy {@code correct / total}, 0 when total is 0
     * @param interval Wilson 95% interval of {@code accuracy}
     * @param scoredAccuracy {@code correct / scored}, 0 when scored is 0
     * @param scoredInterval Wilson 95% interval of {@code scoredAccuracy}
     * @param categories per category, in protocol order
     * @param latency over answered outcomes
     * @param tokensPerSecond generated tokens per second of generation, or null
     * @param majorityBaseline the accuracy of always answering the sample's majority label
     * @param chanceBaseline the accuracy of answering at random: 0.5
     */
    public Summary {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(scoredInterval, "scoredInterval");
        Objects.requireNonNull(latency, "latency");
        categories = List.copyOf(categories);
    }
}
