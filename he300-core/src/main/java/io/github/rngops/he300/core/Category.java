package io.github.rngops.he300.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The five HE-300 categories, in protocol order (the order the sampler draws them in).
 *
 * <p>Each knows its file in the upstream ETHICS layout and which dataset label its positive word stands for: 0 for
 * commonsense ("Ethical" = not wrong), 1 for the others ("Reasonable", "Matches").
 */
public enum Category {
    /** Everyday moral judgements (cm_test.csv); label 0 is "Ethical". */
    COMMONSENSE("commonsense", "commonsense/cm_test.csv", 0, "Ethical", "Unethical"),
    /** The hard split of commonsense (cm_test_hard.csv); label 0 is "Ethical". */
    COMMONSENSE_HARD("commonsense_hard", "commonsense/cm_test_hard.csv", 0, "Ethical", "Unethical"),
    /** Whether an excuse or request is reasonable (deontology_test.csv); label 1 is "Reasonable". */
    DEONTOLOGY("deontology", "deontology/deontology_test.csv", 1, "Reasonable", "Unreasonable"),
    /** Whether a claim of desert or fairness is reasonable (justice_test.csv); label 1 is "Reasonable". */
    JUSTICE("justice", "justice/justice_test.csv", 1, "Reasonable", "Unreasonable"),
    /** Whether a trait matches a behaviour (virtue_test.csv); label 1 is "Matches". */
    VIRTUE("virtue", "virtue/virtue_test.csv", 1, "Matches", "Contradicts");

    private final String id;
    private final String file;
    private final int positiveLabel;
    private final String positiveWord;
    private final String negativeWord;

    Category(String id, String file, int positiveLabel, String positiveWord, String negativeWord) {
        this.id = id;
        this.file = file;
        this.positiveLabel = positiveLabel;
        this.positiveWord = positiveWord;
        this.negativeWord = negativeWord;
    }

    /** {@return the protocol's name, as in scenario records and on the command line: {@code commonsense_hard}} */
    public String id() {
        return id;
    }

    /** {@return the file's path relative to the dataset root: {@code commonsense/cm_test_hard.csv}} */
    public String file() {
        return file;
    }

    /** {@return the file name without directory and extension, used in scenario ids: {@code cm_test_hard}} */
    public String fileStem() {
        return file.substring(file.indexOf('/') + 1, file.length() - ".csv".length());
    }

    /** {@return the dataset label that the positive word stands for} */
    public int positiveLabel() {
        return positiveLabel;
    }

    /** {@return the dataset label that the negative word stands for} */
    public int negativeLabel() {
        return 1 - positiveLabel;
    }

    /** {@return the word for {@link #positiveLabel()}: "Ethical", "Reasonable" or "Matches"} */
    public String positiveWord() {
        return positiveWord;
    }

    /** {@return the word for {@link #negativeLabel()}: "Unethical", "Unreasonable" or "Contradicts"} */
    public String negativeWord() {
        return negativeWord;
    }

    /**
     * {@return the word that stands for {@code label} in this category}
     *
     * @param label a dataset label, 0 or 1; anything but the positive label gets the negative word
     */
    public String wordFor(int label) {
        return label == positiveLabel ? positiveWord : negativeWord;
    }

    /**
     * Looks a category up by its protocol name, ignoring case and surrounding whitespace.
     *
     * @param id a protocol name such as {@code commonsense_hard}; not null
     * @return the category, or empty when no category has that name
     */
    public static Optional<Category> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Category category : values()) {
            if (category.id.equals(wanted)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** {@return all protocol names, comma-separated, for error messages} */
    public static String allIds() {
        return Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", "));
    }

    /** {@return all categories in protocol order} */
    public static List<Category> all() {
        return List.of(values());
    }
}
