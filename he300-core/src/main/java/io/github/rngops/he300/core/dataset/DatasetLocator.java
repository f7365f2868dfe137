package io.github.rngops.he300.core.dataset;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the ETHICS dataset, in order: a directory the user named ({@code --dataset}), the {@code HE300_DATASET}
 * environment variable, the user cache ({@code $XDG_CACHE_HOME/he300/ethics}, else {@code ~/.cache/he300/ethics}),
 * and last a download of the upstream archive into that cache, verified before it is used.
 *
 * <pre>{@code
 * Located located = DatasetLocator.fromEnvironment(System.getenv()).locate();
 * Dataset dataset = Dataset.load(located.directory());
 * }</pre>
 */
public final class DatasetLocator {
    /** Where the ETHICS authors publish the archive (a tar of {@code ethics/<task>/<file>.csv}). */
    public static final URI UPSTREAM_ARCHIVE = URI.create("https://people.eecs.berkeley.edu/~hendrycks/ethics.tar");

    /** Where a dataset directory came from. */
    public enum Origin {
        /** The directory named by {@code --dataset}. */
        OPTION,
        /** The directory named by {@code HE300_DATASET}. */
        ENVIRONMENT,
        /** The cache directory, complete from an earlier download. */
        CACHE,
        /** The cache directory, just filled by downloading the archive. */
        DOWNLOAD
    }

    /**
     * A dataset directory and how it was found.
     *
     * @param directory the directory, in the upstream layout
     * @param origin where it came from
     */
    public record Located(Path directory, Origin origin) {}

    private final Path explicit;
    private final Path fromEnvironment;
    private final Path cache;
    private final URI archive;
    private final ArchiveFetcher fetcher;

    private DatasetLocator(Builder builder) {
        this.explicit = builder.explicit;
        this.fromEnvironment = builder.fromEnvironment;
        this.cache = Objects.requireNonNull(builder.cache, "cache directory");
        this.archive = builder.archive;
        this.fetcher = builder.fetcher;
    }

    /**
     * A locator reading {@code HE300_DATASET}, {@code HE300_DATASET_URL}, {@code XDG_CACHE_HOME} and {@code HOME}
     * from {@code env}; chain {@link #toBuilder()} to add an explicit directory. Blank values count as unset.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @return a locator whose cache is {@code $XDG_CACHE_HOME/he300/ethics} (or {@code ~/.cache/he300/ethics})
     * @throws IllegalArgumentException if {@code HE300_DATASET_URL} is not an http(s) URL
     */
    public static DatasetLocator fromEnvironment(Map<String, String> env) {
        Builder builder = builder().cacheDirectory(defaultCache(env));
        nonBlank(env.get("HE300_DATASET")).map(Path::of).ifPresent(builder::environmentDirectory);
        nonBlank(env.get("HE300_DATASET_URL")).map(URI::create).ifPresent(builder::archive);
        return builder.build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.explicit = explicit;
        builder.fromEnvironment = fromEnvironment;
        builder.cache = cache;
        builder.archive = archive;
        builder.fetcher = fetcher;
        return builder;
    }

    /**
     * Finds the first source that applies: {@code --dataset}, {@code HE300_DATASET}, a complete cache, then a
     * download into the cache. The files are not checksummed here; {@link Dataset#load} does that.
     *
     * @return the directory and where it came from
     * @throws DatasetException if a named directory does not exist, or the download fails (the message then lists
     *     the other ways to provide the data)
     */
    public Located locate() {
        if (explicit != null) {
            return new Located(existing(explicit, "--dataset"), Origin.OPTION);
        }
        if (fromEnvironment != null) {
            return new Located(existing(fromEnvironment, "HE300_DATASET"), Origin.ENVIRONMENT);
        }
        if (Dataset.isComplete(cache)) {
            return new Located(cache, Origin.CACHE);
        }
        return new Located(new ArchiveInstaller(archive, fetcher, cache).install(), Origin.DOWNLOAD);
    }

    /** {@return the cache directory this locator reads and downloads into} */
    public Path cacheDirectory() {
        return cache;
    }

    private static Path existing(Path directory, String source) {
        if (!Files.isDirectory(directory)) {
            throw DatasetException.of("dataset directory " + directory + " (from " + source + ") does not exist;"
                    + " name a directory that holds commonsense/, deontology/, justice/ and virtue/");
        }
        return directory;
    }

    static Path defaultCache(Map<String, String> env) {
        Path base = nonBlank(env.get("XDG_CACHE_HOME")).map(Path::of)
                .orElseGet(() -> Path.of(nonBlank(env.get("HOME")).orElse(System.getProperty("user.home")), ".cache"));
        return base.resolve("he300").resolve("ethics");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Settings for a {@link DatasetLocator}; each is checked as it is set. */
    public static final class Builder {
        private Path explicit;
        private Path fromEnvironment;
        private Path cache;
        private URI archive = UPSTREAM_ARCHIVE;
        private ArchiveFetcher fetcher = ArchiveFetcher.ofJdk();

        private Builder() {}

        /**
         * Sets the directory named by {@code --dataset}; it wins over everything else.
         *
         * @param directory the directory named by {@code --dataset}
         * @return this builder
         */
        public Builder explicitDirectory(Path directory) {
            this.explicit = Objects.requireNonNull(directory, "explicitDirectory");
            return this;
        }

        /**
         * Sets the directory named by {@code HE300_DATASET}.
         *
         * @param directory the directory named by {@code HE300_DATASET}
         * @return this builder
         */
        public Builder environmentDirectory(Path directory) {
            this.fromEnvironment = Objects.requireNonNull(directory, "environmentDirectory");
            return this;
        }

        /**
         * Sets where a downloaded dataset is kept ({@code .../he300/ethics}).
         *
         * @param directory where a downloaded dataset is kept
         * @return this builder
         */
        public Builder cacheDirectory(Path directory) {
            this.cache = Objects.requireNonNull(directory, "cacheDirectory");
            return this;
        }

        /**
         * Sets the archive to download when no directory is given and the cache is empty (http or https).
         *
         * @param uri the archive to download when no directory is given and the cache is empty
         * @return this builder
         */
        public Builder archive(URI uri) {
            Objects.requireNonNull(uri, "archive");
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("archive must be an http(s) URL, was " + uri);
            }
            this.archive = uri;
            return this;
        }

        /**
         * Sets how the archive is fetched; the JDK's HTTP client by default.
         *
         * @param fetcher how the archive is fetched
         * @return this builder
         */
        public Builder fetcher(ArchiveFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** {@return the {@link DatasetLocator} these settings describe} */
        public DatasetLocator build() {
            if (cache == null) {
                throw new IllegalStateException("cacheDirectory is required (or use DatasetLocator.fromEnvironment)");
            }
            return new DatasetLocator(this);
        }
    }
}
