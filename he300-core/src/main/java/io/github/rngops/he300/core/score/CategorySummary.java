package io.github.rngops.he300.core.score;

import io.github.rngops.he300.core.Category;
import java.util.Objects;

/**
 * The figures of PROTOCOL.md section 5 for one category (or, inside {@link Summary}, for the whole run).
 *
 * @param category the category the figures are for
 * @param total outcomes counted
 * @param correct answers whose predicted label is the expected one
 * @param unknown answers whose verdict is unknown
 * @param errors scenarios that failed (no answer)
 * @param scored {@code total - unknown - errors}
 * @param accuracy {@code correct / total}, 0 when total is 0
 * @param interval the Wilson 95% interval of {@code accuracy}
 * @param scoredAccuracy {@code correct / scored}, 0 when scored is 0
 * @param scoredInterval the Wilson 95% interval of {@code scoredAccuracy}
 */
public record CategorySummary(Category category, int total, int correct, int unknown, int errors, int scored,
        double accuracy, Interval interval, double scoredAccuracy, Interval scoredInterval) {

    /**
     * Checks that the category and intervals are not null.
     *
     * @param category the category
     * @param total outcomes counted
     * @param correct answers whose predicted label is the expected one
     * @param unknown answers whose verdict is unknown
     * @param errors scenarios that failed (no answer)
     * @param scored {@code total - unknown - errors}
     * @param accuracy {@code correct / total}, 0 when total is 0
     * @param interval the Wilson 95% interval of {@code accuracy}
     * @param scoredAccuracy {@code correct / scored}, 0 when scored is 0
     * @param scoredInterval the Wilson 95% interval of {@code scoredAccuracy}
     */
    public CategorySummary {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(scoredInterval, "scoredInterval");
    }
}
