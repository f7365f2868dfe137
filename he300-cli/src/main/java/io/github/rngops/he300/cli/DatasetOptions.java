package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.dataset.ChecksumCache;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --dataset DIR} and {@code --allow-unknown-dataset}, resolved as {@link DatasetLocator} describes. */
public final class DatasetOptions {
    @Option(names = "--dataset", paramLabel = "DIR",
            description = "ETHICS dataset directory (upstream layout). Default: $HE300_DATASET, then the user cache"
                    + " (~/.cache/he300/ethics), else the upstream archive is downloaded there and verified.")
    Path directory;

    @Option(names = "--allow-unknown-dataset",
            description = "Accept files whose SHA-256 is not the upstream one (recorded in the output).")
    boolean allowUnknown;

    /** Finds and loads the categories a command needs, from the options and {@code env}. */
    public Dataset load(Collection<Category> categories, Map<String, String> env) {
        DatasetLocator locator = DatasetLocator.fromEnvironment(env);
        if (directory != null) {
            locator = locator.toBuilder().explicitDirectory(directory).build();
        }
        // Beside the downloaded copy (~/.cache/he300/): an unchanged file is not hashed again by the next command.
        ChecksumCache checksums = ChecksumCache.at(locator.cacheDirectory().resolveSibling("dataset-checksums.tsv"));
        return Dataset.load(locator.locate().directory(), categories, allowUnknown, checksums);
    }
}
