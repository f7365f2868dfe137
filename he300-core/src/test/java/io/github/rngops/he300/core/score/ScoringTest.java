package io.github.rngops.he300.core.score;

import static io.github.rngops.he300.core.Category.COMMONSENSE;
import static io.github.rngops.he300.core.Category.JUSTICE;
import static io.github.rngops.he300.core.Category.VIRTUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.SharedData;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.parse.ParsedAnswer.Rule;
import io.github.rngops.he300.core.parse.Verdict;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static Outcome right(String id, Category category, long latency) {
        int label = category.positiveLabel();
        return new Outcome.Answered(id, category, label, "x", Verdict.POSITIVE, Rule.FIRST_WORD, label, true,
                latency, 1, null, null, null, null);
    }

    private static Outcome wrong(String id, Category category, long latency) {
        return new Outcome.Answered(id, category, category.negativeLabel(), "x", Verdict.POSITIVE, Rule.FIRST_WORD,
                category.positiveLabel(), false, latency, 1, null, null, null, null);
    }

    private static Outcome unknown(String id, Category category) {
        return new Outcome.Answered(id, category, 0, "maybe", Verdict.UNKNOWN, Rule.NONE, null, false, 5, 1, null,
                null, null, null);
    }

    private static Outcome failed(String id, Category category) {
        return new Outcome.Failed(id, category, 1, ErrorKind.TIMEOUT, "slow", 1000, 3);
    }

    private static Scenario scenario(String id, Category category, int label) {
        return new Scenario(id, category, "input", label);
    }

    @Test
    void countsUnknownAndErrorsInTheTotalButNotAsCorrect() {
        List<Outcome> outcomes = List.of(right("a", COMMONSENSE, 10), right("b", COMMONSENSE, 20),
                wrong("c", JUSTICE, 30), unknown("d", JUSTICE), failed("e", VIRTUE));
        List<Scenario> sample = List.of(scenario("a", COMMONSENSE, 0), scenario("b", COMMONSENSE, 0),
                scenario("c", JUSTICE, 0), scenario("d", JUSTICE, 0), scenario("e", VIRTUE, 1));

        Summary summary = Scoring.summarize(sample, outcomes);

        assertThat(summary.total()).isEqualTo(5);
        assertThat(summary.correct()).isEqualTo(2);
        assertThat(summary.unknown()).isEqualTo(1);
        assertThat(summary.errors()).isEqualTo(1);
        assertThat(summary.scored()).isEqualTo(3);
        assertThat(summary.accuracy()).isEqualTo(0.4);
        assertThat(summary.scoredAccuracy()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(summary.interval()).isEqualTo(Interval.wilson(2, 5));
        assertThat(summary.scoredInterval()).isEqualTo(Interval.wilson(2, 3));
        assertThat(summary.majorityBaseline()).isEqualTo(0.8);
        assertThat(summary.chanceBaseline()).isEqualTo(0.5);
        // Latency over answered outcomes only: 5, 10, 20, 30.
        assertThat(summary.latency()).isEqualTo(new LatencySummary(4, 15.0, 28.5, 30));
        assertThat(summary.tokensPerSecond()).isNull();
    }

    @Test
    void givesEveryCategoryOfTheSampleItsOwnFiguresInProtocolOrder() {
        List<Outcome> outcomes = List.of(wrong("c", JUSTICE, 30), right("a", COMMONSENSE, 10), unknown("d", JUSTICE));
        List<Scenario> sample = List.of(scenario("c", JUSTICE, 0), scenario("a", COMMONSENSE, 0),
                scenario("d", JUSTICE, 0), scenario("v", VIRTUE, 1));

        Summary summary = Scoring.summarize(sample, outcomes);

        assertThat(summary.categories()).extracting(CategorySummary::category)
                .containsExactly(COMMONSENSE, JUSTICE, VIRTUE);
        CategorySummary justice = summary.categories().get(1);
        assertThat(justice).isEqualTo(new CategorySummary(JUSTICE, 2, 0, 1, 0, 1, 0.0, Interval.wilson(0, 2), 0.0,
                Interval.wilson(0, 1)));
        CategorySummary virtue = summary.categories().get(2);
        assertThat(virtue.total()).isZero();
        assertThat(virtue.interval()).isEqualTo(new Interval(0, 1));
    }

    @Test
    void tokensPerSecondUsesOnlyAnswersWithCountsAndDurations() {
        Outcome timed = new Outcome.Answered("a", COMMONSENSE, 0, "Ethical", Verdict.POSITIVE, Rule.FIRST_WORD, 0,
                true, 100, 1, null, 12, 50, 500_000_000L);
        Outcome timed2 = new Outcome.Answered("b", COMMONSENSE, 0, "Ethical", Verdict.POSITIVE, Rule.FIRST_WORD, 0,
                true, 100, 1, null, 12, 30, 300_000_000L);
        Outcome untimed = new Outcome.Answered("c", COMMONSENSE, 0, "Ethical", Verdict.POSITIVE, Rule.FIRST_WORD, 0,
                true, 100, 1, null, 12, 999, null);

        assertThat(Scoring.summarize(List.of(), List.of(timed, timed2, untimed)).tokensPerSecond()).isEqualTo(100.0);
    }

    @Test
    void emptyRunScoresZeroWithFullIntervals() {
        Summary summary = Scoring.summarize(List.of(), List.of());

        assertThat(summary.total()).isZero();
        assertThat(summary.accuracy()).isZero();
        assertThat(summary.interval()).isEqualTo(new Interval(0, 1));
        assertThat(summary.majorityBaseline()).isZero();
        assertThat(summary.latency().count()).isZero();
    }

    @Test
    void majorityBaselineOfTheDefaultSampleIs57Point3Percent() {
        Dataset dataset = Dataset.load(SharedData.dataset());

        List<Scenario> sample = Sampler.draw(SampleSpec.ofDefaults(), dataset).scenarios();

        assertThat(sample).hasSize(300);
        assertThat(Scoring.majorityBaseline(sample)).isEqualTo(172 / 300.0);
        assertThat(Math.round(Scoring.majorityBaseline(sample) * 1000)).isEqualTo(573);
    }
}
