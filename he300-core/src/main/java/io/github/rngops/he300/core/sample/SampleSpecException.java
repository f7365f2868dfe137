package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import java.math.BigInteger;

/**
 * A {@link SampleSpec} setting was refused. Carries which setting and the value given, so a command line can point
 * at its own flag; the message already says how to fix it.
 */
public final class SampleSpecException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** The refused setting's name. */
    private final String setting;
    /** The refused value as given. */
    private final String value;

    private SampleSpecException(String setting, String value, String message) {
        super(message);
        this.setting = setting;
        this.value = value;
    }

    /** {@return the setting refused: {@code size}, {@code seed} or {@code categories}} */
    public String setting() {
        return setting;
    }

    /** {@return the refused value as given} */
    public String value() {
        return value;
    }

    static SampleSpecException sizeTooSmall(int size) {
        return new SampleSpecException("size", Integer.toString(size),
                "sample size must be at least 1, was " + size + ": use " + SampleSpec.QUICK_SIZE + " for a quick run or "
                        + SampleSpec.FULL_SIZE + " for the full benchmark");
    }

    static SampleSpecException negativeSeed(BigInteger seed) {
        return new SampleSpecException("seed", seed.toString(),
                "seed must be a non-negative integer, was " + seed + ": use 0 or more (the default is "
                        + SampleSpec.DEFAULT_SEED + ")");
    }

    static SampleSpecException noCategories() {
        return new SampleSpecException("categories", "",
                "categories must name at least one category, none were given: choose from " + Category.allIds());
    }

    static SampleSpecException duplicateCategory(Category category, String given) {
        return new SampleSpecException("categories", given,
                "categories names " + category.id() + " more than once (" + given + "): name each category once");
    }
}
