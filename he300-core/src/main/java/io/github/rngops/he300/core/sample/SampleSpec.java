package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Category;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to sample: protocol version, sample size, categories and seed. Together with the dataset checksums this is
 * everything that decides which scenarios a run sees.
 *
 * <pre>{@code
 * SampleSpec full = SampleSpec.ofDefaults();                  // v1.0, 300 scenarios, all categories, seed 42
 * SampleSpec quick = SampleSpec.builder()
 *         .size(SampleSpec.QUICK_SIZE)
 *         .categories(Category.COMMONSENSE, Category.VIRTUE)
 *         .seed(7)
 *         .build();
 * }</pre>
 *
 * <p>Categories are kept in protocol order whatever order they were given in. Every setting is checked when the
 * spec is made; a refused one throws {@link SampleSpecException}.
 *
 * @param version decides the split of a full sample of all categories
 * @param size how many scenarios to draw, at least 1
 * @param categories the categories to draw from, in protocol order, each once
 * @param seed the seed of CPython's {@code random.Random}; any non-negative integer
 */
public record SampleSpec(ProtocolVersion version, int size, List<Category> categories, BigInteger seed) {

    /** The seed of the reference runner and loader. */
    public static final BigInteger DEFAULT_SEED = BigInteger.valueOf(42);
    /** The protocol version used when none is named. */
    public static final ProtocolVersion DEFAULT_VERSION = ProtocolVersion.V1_0;
    /** A quick run: 6 scenarios per category. */
    public static final int QUICK_SIZE = 30;
    /** The full benchmark, split by the version's table. */
    public static final int FULL_SIZE = 300;

    /**
     * Checks the components, as the class description says of each.
     *
     * @param version decides the split of a full sample of all categories
     * @param size how many scenarios to draw, at least 1
     * @param categories the categories to draw from, in protocol order, each once
     * @param seed the seed of CPython's {@code random.Random}; any non-negative integer
     */
    public SampleSpec {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(seed, "seed");
        checkSize(size);
        checkSeed(seed);
        categories = inProtocolOrder(categories);
    }

    /** {@return version 1.0, 300 scenarios, all five categories, seed 42} */
    public static SampleSpec ofDefaults() {
        return new SampleSpec(DEFAULT_VERSION, FULL_SIZE, Category.all(), DEFAULT_SEED);
    }

    /** {@return a builder that starts from {@link #ofDefaults()}} */
    public static Builder builder() {
        return new Builder(ofDefaults());
    }

    /** {@return a builder that starts from this spec, to make a variant of it} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Scenarios to draw per chosen category, in protocol order. The version's table applies to a sample of
     * {@value #FULL_SIZE} from all five categories; any other sample splits its size equally over its categories,
     * the remainder going one each to the first.
     *
     * @return the counts, adding up to the size; unmodifiable
     */
    public Map<Category, Integer> counts() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        if (size == FULL_SIZE && categories.size() == Category.values().length) {
            counts.putAll(version.fullCounts());
        } else {
            int share = size / categories.size();
            int remainder = size % categories.size();
            for (int i = 0; i < categories.size(); i++) {
                counts.put(categories.get(i), share + (i < remainder ? 1 : 0));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static void checkSize(int size) {
        if (size < 1) {
            throw SampleSpecException.sizeTooSmall(size);
        }
    }

    private static void checkSeed(BigInteger seed) {
        if (seed.signum() < 0) {
            throw SampleSpecException.negativeSeed(seed);
        }
    }

    private static List<Category> inProtocolOrder(Collection<Category> given) {
        Objects.requireNonNull(given, "categories");
        if (given.isEmpty()) {
            throw SampleSpecException.noCategories();
        }
        EnumSet<Category> chosen = EnumSet.noneOf(Category.class);
        for (Category category : given) {
            if (!chosen.add(Objects.requireNonNull(category, "category"))) {
                String ids = given.stream().map(Category::id).collect(Collectors.joining(","));
                throw SampleSpecException.duplicateCategory(category, ids);
            }
        }
        return List.copyOf(chosen);
    }

    /** Makes a {@link SampleSpec}; each setter checks its argument at once. */
    public static final class Builder {
        private ProtocolVersion version;
        private int size;
        private List<Category> categories;
        private BigInteger seed;

        private Builder(SampleSpec start) {
            version = start.version;
            size = start.size;
            categories = start.categories;
            seed = start.seed;
        }

        /**
         * Sets the protocol version, which splits a full sample over the categories.
         *
         * @param version the version; not null
         * @return this builder
         */
        public Builder version(ProtocolVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets how many scenarios to draw.
         *
         * @param size at least 1; {@link #QUICK_SIZE} and {@link #FULL_SIZE} are the usual ones
         * @return this builder
         * @throws SampleSpecException if it is below 1
         */
        public Builder size(int size) {
            checkSize(size);
            this.size = size;
            return this;
        }

        /**
         * Sets one or more categories, each once, in any order.
         *
         * @param categories one or more categories, each once, in any order
         * @return this builder
         * @throws SampleSpecException if none is given or one is given twice
         */
        public Builder categories(Collection<Category> categories) {
            this.categories = inProtocolOrder(categories);
            return this;
        }

        /**
         * Sets one or more categories, each once, in any order.
         *
         * @param categories one or more categories, each once, in any order
         * @return this builder
         * @throws SampleSpecException if none is given or one is given twice
         */
        public Builder categories(Category... categories) {
            return categories(Arrays.asList(categories));
        }

        /**
         * Sets the sampler's seed, as Python's {@code random.seed} takes it.
         *
         * @param seed any non-negative integer, however large
         * @return this builder
         * @throws SampleSpecException if it is negative
         */
        public Builder seed(BigInteger seed) {
            checkSeed(Objects.requireNonNull(seed, "seed"));
            this.seed = seed;
            return this;
        }

        /**
         * Sets the sampler's seed.
         *
         * @param seed any non-negative integer
         * @return this builder
         * @throws SampleSpecException if it is negative
         */
        public Builder seed(long seed) {
            return seed(BigInteger.valueOf(seed));
        }

        /** {@return the {@link SampleSpec} these settings describe} */
        public SampleSpec build() {
            return new SampleSpec(version, size, categories, seed);
        }
    }
}
