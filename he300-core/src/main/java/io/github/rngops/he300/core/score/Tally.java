package io.github.rngops.he300.core.score;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;

/** Counts of one group of outcomes, while scoring. */
final class Tally {
    int total;
    int correct;
    int unknown;
    int errors;

    void add(Outcome outcome) {
        total++;
        if (outcome instanceof Outcome.Failed) {
            errors++;
        } else if (((Outcome.Answered) outcome).predictedLabel() == null) {
            unknown++;
        } else if (outcome.correct()) {
            correct++;
        }
    }

    int scored() {
        return total - unknown - errors;
    }

    CategorySummary summary(Category category) {
        return new CategorySummary(category, total, correct, unknown, errors, scored(), ratio(correct, total),
                Interval.wilson(correct, total), ratio(correct, scored()), Interval.wilson(correct, scored()));
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
