package io.github.rngops.he300.core.score;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Scores outcomes as PROTOCOL.md section 5 says.
 *
 * <pre>{@code
 * Summary summary = Scoring.summarize(sample.scenarios(), outcomes);
 * summary.accuracy();                 // correct / total
 * summary.interval();                 // Wilson 95%
 * summary.majorityBaseline();         // 0.573 on the v1.0 seed-42 sample
 * }</pre>
 */
public final class Scoring {

    /** The accuracy of answering at random. */
    public static final double CHANCE = 0.5;

    private Scoring() {
    }

    /**
     * The figures for {@code outcomes}, with the baseline of {@code sample}. Per-category figures cover the categories
     * of the sample and of the outcomes, in protocol order.
     *
     * @param sample the scenarios the run was to evaluate, for the majority baseline and the categories
     * @param outcomes one per scenario that ran, in any order
     * @return the figures
     */
    public static Summary summarize(Collection<Scenario> sample, Collection<Outcome> outcomes) {
        Tally overall = new Tally();
        Map<Category, Tally> byCategory = new EnumMap<>(Category.class);
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        sample.forEach(s -> categories.add(s.category()));
        outcomes.forEach(o -> categories.add(o.category()));
        categories.forEach(c -> byCategory.put(c, new Tally()));
        long[] latencies = outcomes.stream().filter(o -> o instanceof Outcome.Answered)
                .mapToLong(Outcome::latencyMs).toArray();
        for (Outcome outcome : outcomes) {
            overall.add(outcome);
            byCategory.get(outcome.category()).add(outcome);
        }
        List<CategorySummary> perCategory = new ArrayList<>();
        byCategory.forEach((category, tally) -> perCategory.add(tally.summary(category)));
        return new Summary(overall.total, overall.correct, overall.unknown, overall.errors, overall.scored(),
                Tally.ratio(overall.correct, overall.total), Interval.wilson(overall.correct, overall.total),
                Tally.ratio(overall.correct, overall.scored()), Interval.wilson(overall.correct, overall.scored()),
                perCategory, LatencySummary.of(latencies), tokensPerSecond(outcomes), majorityBaseline(sample),
                CHANCE);
    }

    /**
     * The fraction of {@code sample} whose expected label is the sample's majority label: what always answering that
     * label would score. 0 for an empty sample.
     *
     * @param sample the scenarios
     * @return the baseline, in [0.5, 1], or 0
     */
    public static double majorityBaseline(Collection<Scenario> sample) {
        long ones = sample.stream().filter(s -> s.expectedLabel() == 1).count();
        return Tally.ratio(Math.max(ones, sample.size() - ones), sample.size());
    }

    /** Generated tokens per second of generation, over the answers whose server reported both; null if none did. */
    static Double tokensPerSecond(Collection<Outcome> outcomes) {
        long tokens = 0;
        long nanos = 0;
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Answered) {
                Outcome.Answered answered = (Outcome.Answered) outcome;
                if (answered.completionTokens() != null && answered.evalNanos() != null && answered.evalNanos() > 0) {
                    tokens += answered.completionTokens();
                    nanos += answered.evalNanos();
                }
            }
        }
        return nanos == 0 ? null : tokens * 1e9 / nanos;
    }
}
