package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.parse.Verdict;

/**
 * One outcome as every format shows it: what was expected, what came back, and which of four results it is.
 *
 * @param expected the word a correct answer gives
 * @param verdict the word the answer was read as, {@code unknown}, or {@code error: <kind>}
 * @param answer the model's text, or the failure's message
 */
record Row(Outcome outcome, String expected, String verdict, String answer, Result result) {

    /** How an outcome counts. */
    enum Result {
        CORRECT("correct"), WRONG("wrong"), UNKNOWN("unknown"), ERROR("error");

        final String id;

        Result(String id) {
            this.id = id;
        }
    }

    static Row of(Outcome outcome) {
        Category category = outcome.category();
        String expected = category.wordFor(outcome.expectedLabel());
        if (outcome instanceof Outcome.Failed failed) {
            return new Row(outcome, expected, "error: " + failed.kind().id(), failed.message(), Result.ERROR);
        }
        Outcome.Answered answered = (Outcome.Answered) outcome;
        Verdict verdict = answered.verdict();
        String word = switch (verdict) {
            case POSITIVE -> category.positiveWord();
            case NEGATIVE -> category.negativeWord();
            case UNKNOWN -> "unknown";
        };
        Result result = !verdict.isKnown() ? Result.UNKNOWN : answered.correct() ? Result.CORRECT : Result.WRONG;
        return new Row(outcome, expected, word, answered.text(), result);
    }

    /** {@code positive}, {@code negative}, {@code unknown} or {@code error}: what the HTML verdict filter matches. */
    String verdictId() {
        return outcome instanceof Outcome.Answered answered ? answered.verdict().id() : "error";
    }

    String id() {
        return outcome.scenarioId();
    }

    Category category() {
        return outcome.category();
    }
}
