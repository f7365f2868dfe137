package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.dataset.ChecksumCache;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleCache;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
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

    /**
     * The sample {@code spec} draws from the dataset the options and {@code env} name; kept in
     * {@code ~/.cache/he300/samples} and given back while the files, the spec and the modules are unchanged (see
     * {@link SampleCache}), so a repeated run does not parse the dataset again.
     *
     * @param spec the sample to draw
     * @param env the environment ({@code HE300_DATASET}, {@code HE300_DATASET_URL}, the cache directories)
     * @return the sample, drawn from files whose checksums were checked
     * @throws io.github.rngops.he300.core.dataset.DatasetException if the dataset cannot be found, fetched or read
     */
    public Sample sample(SampleSpec spec, Map<String, String> env) {
        DatasetLocator locator = locator(env);
        Path root = locator.locate().directory();
        SampleCache samples = SampleCache.at(locator.cacheDirectory().resolveSibling("samples"));
        return samples.sample(root, spec, allowUnknown,
                () -> Sampler.draw(spec, Dataset.load(root, spec.categories(), allowUnknown, checksums(locator))));
    }

    /**
     * Finds and loads the categories a command needs, from the options and {@code env}.
     *
     * @param categories the categories to load
     * @param env the environment ({@code HE300_DATASET}, {@code HE300_DATASET_URL}, the cache directories)
     * @return the dataset, every file's checksum checked
     * @throws io.github.rngops.he300.core.dataset.DatasetException if it cannot be found, fetched or read
     */
    public Dataset load(Collection<Category> categories, Map<String, String> env) {
        DatasetLocator locator = locator(env);
        return Dataset.load(locator.locate().directory(), categories, allowUnknown, checksums(locator));
    }

    private DatasetLocator locator(Map<String, String> env) {
        DatasetLocator locator = DatasetLocator.fromEnvironment(env);
        return directory == null ? locator : locator.toBuilder().explicitDirectory(directory).build();
    }

    /** Beside the downloaded copy (~/.cache/he300/): an unchanged file is not hashed again by the next command. */
    private static ChecksumCache checksums(DatasetLocator locator) {
        return ChecksumCache.at(locator.cacheDirectory().resolveSibling("dataset-checksums.tsv"));
    }
}
