package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import java.util.Objects;

/**
 * What was read from one dataset file: its category, the SHA-256 of its bytes, how many records it held and how
 * many became scenarios, and whether the checksum is one of the known upstream ones.
 */
public record DatasetFile(Category category, String sha256, int records, int scenarios, boolean known) {

    public DatasetFile {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@return the file's path relative to the dataset root, e.g. {@code commonsense/cm_test.csv}} */
    public String path() {
        return category.file();
    }
}
