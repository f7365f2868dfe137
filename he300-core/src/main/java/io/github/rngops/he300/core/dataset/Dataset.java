package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ETHICS test splits that HE-300 samples from, loaded and checksummed: one pool of scenarios per category, in
 * file order, and a record of every file read.
 */
public record Dataset(Path root, Map<Category, List<Scenario>> pools, List<DatasetFile> files) {

    public Dataset {
        Objects.requireNonNull(root, "root");
        pools = Map.copyOf(new EnumMap<>(pools));
        files = List.copyOf(files);
    }

    /** The scenarios of one category in file order; empty if that category was not loaded. */
    public List<Scenario> pool(Category category) {
        return pools.getOrDefault(category, List.of());
    }
}
