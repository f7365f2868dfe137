package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import java.util.Objects;

/**
 * What was read from one dataset file: its category, the SHA-256 of its bytes, how many records it held and how
 * many became scenarios, and whether the checksum is one of the known upstream ones.
 *
 * @param category the category the file belongs to
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param records CSV records after the header
 * @param scenarios records that became scenarios (a label of 0 or 1 and a non-blank input)
 * @param known whether the checksum is the upstream one
 */
public record DatasetFile(Category category, String sha256, int records, int scenarios, boolean known) {

    /**
     * Checks that the category and checksum are not null.
     *
     * @param category the category the file belongs to
     * @param sha256 the SHA-256 of the file's bytes
     * @param records CSV records after the header
     * @param scenarios records that became scenarios
     * @param known whether the checksum is the upstream one
     */
    public DatasetFile {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@return the file's path relative to the dataset root, e.g. {@code commonsense/cm_test.csv}} */
    public String path() {
        return category.file();
    }
}
