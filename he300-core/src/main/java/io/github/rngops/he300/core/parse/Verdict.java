package io.github.rngops.he300.core.parse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.rngops.he300.core.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an answer says: the category's positive word, its negative word, or neither. {@link #UNKNOWN} is the
 * model's failure to follow the format; it never stands for a label.
 */
public enum Verdict {
    /** The category's positive word: "Ethical", "Reasonable" or "Matches". */
    POSITIVE,
    /** The category's negative word: "Unethical", "Unreasonable" or "Contradicts". */
    NEGATIVE,
    /** No step decided: the answer did not follow the format. Scored as wrong, never as a label. */
    UNKNOWN;

    /** {@return the name in JSON and reports: {@code positive}, {@code negative} or {@code unknown}} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a verdict up by its {@link #id()}, ignoring case and surrounding whitespace.
     *
     * @param id {@code positive}, {@code negative} or {@code unknown}; not null
     * @return the verdict, or empty for any other text
     */
    public static Optional<Verdict> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id().equals(wanted)).findFirst();
    }

    @JsonCreator
    static Verdict fromJson(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown verdict \"" + id + "\": use positive, negative or unknown"));
    }

    /**
     * The dataset label this verdict predicts in {@code category}: its positive label for {@link #POSITIVE}, the
     * other for {@link #NEGATIVE}, and empty for {@link #UNKNOWN}.
     *
     * @param category the scenario's category
     * @return the predicted label, 0 or 1, or empty
     */
    public OptionalInt label(Category category) {
        switch (this) {
            case POSITIVE:
                return OptionalInt.of(category.positiveLabel());
            case NEGATIVE:
                return OptionalInt.of(category.negativeLabel());
            default:
                return OptionalInt.empty();
        }
    }

    /** {@return whether this verdict decides a label, that is, is not {@link #UNKNOWN}} */
    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
