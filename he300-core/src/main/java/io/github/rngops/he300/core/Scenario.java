package io.github.rngops.he300.core;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One HE-300 scenario: its protocol id ({@code hendrycks_ethics:cm_test_hard:00777}), category, the input text built
 * as the protocol says, and the dataset label.
 *
 * @param id the protocol id, {@code hendrycks_ethics:<file stem>:<5-digit record number>}
 * @param category the category whose file the scenario comes from
 * @param input the text the prompt shows, built as the protocol says
 * @param expectedLabel the dataset label, 0 or 1
 */
public record Scenario(String id, Category category, String input, int expectedLabel) {

    /**
     * Checks the components.
     *
     * @param id the protocol id, {@code hendrycks_ethics:<file stem>:<5-digit record number>}
     * @param category the category whose file the scenario comes from
     * @param input the text the prompt shows, built as the protocol says
     * @param expectedLabel the dataset label, 0 or 1
     * @throws NullPointerException if id, category or input is null
     * @throws IllegalArgumentException if expectedLabel is neither 0 nor 1
     */
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(input, "input");
        if (expectedLabel != 0 && expectedLabel != 1) {
            throw new IllegalArgumentException("expectedLabel must be 0 or 1, was " + expectedLabel);
        }
    }

    /**
     * {@return the protocol id for record {@code number} of a category's file}
     *
     * @param category the file's category
     * @param number the record's 0-based position in the file (header excluded), five digits or fewer
     */
    public static String idFor(Category category, int number) {
        return String.format("hendrycks_ethics:%s:%05d", category.fileStem(), number);
    }

    /** {@return the word a model must answer for this scenario to be correct} */
    public String expectedWord() {
        return category.wordFor(expectedLabel);
    }

    /**
     * {@return the first 16 hex digits of the SHA-256 of the UTF-8 input: a short fingerprint that checks input building}
     */
    public String inputSha256Prefix() {
        return HexFormat.of().formatHex(Sha256.digest(input.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }
}
