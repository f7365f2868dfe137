package io.github.rngops.he300.core.parse;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.rngops.he300.core.Category;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The verdict on one answer and the parsing rule that reached it, for reports that show why an answer counted.
 *
 * @param verdict what the answer says
 * @param rule the step that decided it
 */
public record ParsedAnswer(Verdict verdict, Rule rule) {

    /** The step of PROTOCOL.md section 4 that decided. */
    public enum Rule {
        /** The answer was empty or whitespace: unknown. */
        BLANK,
        /** A JSON object with a deciding key. */
        JSON,
        /** An {@code <answer>}, {@code <response>} or verdict-named tag. */
        TAG,
        /** The first word of the first non-blank line. */
        FIRST_WORD,
        /** Nothing decided: unknown. */
        NONE;

        /**
         * {@return the name in JSON and reports: {@code blank}, {@code json}, {@code tag}, {@code first_word}, {@code none}}
         */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that the rule can give the verdict.
     *
     * @param verdict what the answer says
     * @param rule the step that decided it
     * @throws IllegalArgumentException if {@code BLANK} or {@code NONE} comes with a known verdict, or another rule
     *     with {@link Verdict#UNKNOWN}
     */
    public ParsedAnswer {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(rule, "rule");
        if ((rule == Rule.BLANK || rule == Rule.NONE) == verdict.isKnown()) {
            throw new IllegalArgumentException("rule " + rule.id() + " cannot give verdict " + verdict.id());
        }
    }

    /**
     * {@return the dataset label predicted in {@code category}; empty when the verdict is unknown}
     *
     * @param category the scenario's category, which decides what the positive word stands for
     */
    public OptionalInt predictedLabel(Category category) {
        return verdict.label(category);
    }
}
