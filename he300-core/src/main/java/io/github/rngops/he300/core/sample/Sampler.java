package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws HE-300 samples exactly as the reference implementation does with CPython's {@code random}, so a seed picks
 * the same scenarios, in the same order, here and there.
 *
 * <pre>{@code
 * Dataset dataset = Dataset.load(Path.of("ethics"));
 * Sample sample = Sampler.draw(SampleSpec.ofDefaults(), dataset);
 * sample.scenarios().forEach(s -> System.out.println(s.id()));
 * }</pre>
 *
 * <p>One generator, seeded with the spec's seed, serves the whole sample: for each chosen category in protocol
 * order it draws that category's count from the pool with {@code random.sample} (or takes the whole pool when the
 * count reaches its size), then shuffles the concatenation once with {@code random.shuffle}.
 */
public final class Sampler {

    private Sampler() {
    }

    /**
     * Draws the sample that {@code spec} describes from {@code dataset}: the same scenarios in the same order as the
     * reference implementation draws for that seed. Stateless; safe from any thread.
     *
     * @param spec what to draw
     * @param dataset the loaded dataset, holding at least the spec's categories
     * @return the sample
     * @throws He300Exception if a chosen category has no scenarios in the dataset, or the size exceeds all the
     *     scenarios of the chosen categories
     */
    public static Sample draw(SampleSpec spec, Dataset dataset) {
        checkPools(spec, dataset);
        PyRandom random = new PyRandom(spec.seed());
        List<Scenario> drawn = new ArrayList<>(spec.size());
        for (Map.Entry<Category, Integer> entry : spec.counts().entrySet()) {
            List<Scenario> pool = dataset.pool(entry.getKey());
            int count = entry.getValue();
            drawn.addAll(count >= pool.size() ? pool : random.sample(pool, count));
        }
        random.shuffle(drawn);
        List<DatasetFile> files = dataset.files().stream()
                .filter(file -> spec.categories().contains(file.category()))
                .collect(Collectors.toList());
        return new Sample(spec, drawn, files);
    }

    private static void checkPools(SampleSpec spec, Dataset dataset) {
        long available = 0;
        for (Category category : spec.categories()) {
            int size = dataset.pool(category).size();
            if (size == 0) {
                throw new He300Exception("the dataset at " + dataset.root() + " has no " + category.id()
                        + " scenarios: load " + category.file() + " or leave " + category.id() + " out of the categories");
            }
            available += size;
        }
        if (spec.size() > available) {
            String ids = spec.categories().stream().map(Category::id).collect(Collectors.joining(","));
            throw new He300Exception("sample size " + spec.size() + " exceeds the " + available
                    + " scenarios of the chosen categories (" + ids + "): ask for at most " + available
                    + " or choose more categories");
        }
    }
}
