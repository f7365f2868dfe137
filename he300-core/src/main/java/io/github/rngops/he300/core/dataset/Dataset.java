package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ETHICS test splits that HE-300 samples from, loaded and checksummed: one pool of scenarios per category, in
 * file order, and a record of every file read. Immutable, so one loaded dataset can serve many runs and threads.
 *
 * @param root the directory the files were read from
 * @param pools the scenarios of each loaded category, in file order
 * @param files what was read from each file, in category order
 */
public record Dataset(Path root, Map<Category, List<Scenario>> pools, List<DatasetFile> files) {

    /**
     * Copies the collections.
     *
     * @param root the directory the files were read from
     * @param pools the scenarios of each loaded category, in file order
     * @param files what was read from each file, in category order
     * @throws NullPointerException if any of them is null
     */
    public Dataset {
        Objects.requireNonNull(root, "root");
        pools = Map.copyOf(new EnumMap<>(pools));
        files = List.copyOf(files);
    }

    /**
     * Loads every category from a directory in the upstream layout, refusing files whose checksum is not the
     * upstream one.
     *
     * @param root a directory in the upstream layout ({@code commonsense/cm_test.csv}, ...)
     * @return every category's scenarios
     * @throws DatasetException naming the file that is missing, unreadable, malformed or not the upstream file
     */
    public static Dataset load(Path root) {
        return load(root, Category.all(), false);
    }

    /**
     * Loads the given categories only (each file is read and checksummed once).
     *
     * @param root a directory in the upstream layout
     * @param categories which files to read; at least one
     * @param allowUnknown accept files whose checksum is not the upstream one; each {@link DatasetFile} records it
     * @return those categories' scenarios
     * @throws DatasetException naming the file that is missing, unreadable, malformed or (unless allowed) not the
     *     upstream file
     */
    public static Dataset load(Path root, Collection<Category> categories, boolean allowUnknown) {
        return load(root, categories, allowUnknown, ChecksumCache.none());
    }

    /**
     * As {@link #load(Path, Collection, boolean)}, taking the checksum of a file unchanged since an earlier load
     * from {@code checksums} instead of hashing it again. The files are read in parallel, one thread each.
     *
     * @param root a directory in the upstream layout
     * @param categories which files to read; at least one
     * @param allowUnknown accept files whose checksum is not the upstream one
     * @param checksums checksums remembered from earlier loads, or {@link ChecksumCache#none()}
     * @return those categories' scenarios
     * @throws DatasetException naming the first file (in category order) that is missing, unreadable, malformed or
     *     (unless allowed) not the upstream file
     */
    public static Dataset load(Path root, Collection<Category> categories, boolean allowUnknown,
            ChecksumCache checksums) {
        Objects.requireNonNull(checksums, "checksums");
        // The files are read and parsed at once, one thread each: a cold JVM parses slowly, and a command waits
        // for this before anything else. Results and the first failure are taken in category order.
        List<CompletableFuture<DatasetReader.Loaded>> reads = new ArrayList<>();
        for (Category category : EnumSet.copyOf(categories)) {
            reads.add(CompletableFuture.supplyAsync(
                    () -> DatasetReader.read(root, category, allowUnknown, checksums), Dataset::startDaemon));
        }
        Map<Category, List<Scenario>> pools = new EnumMap<>(Category.class);
        List<DatasetFile> files = new ArrayList<>();
        for (CompletableFuture<DatasetReader.Loaded> read : reads) {
            DatasetReader.Loaded loaded;
            try {
                loaded = read.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
            pools.put(loaded.file().category(), loaded.scenarios());
            files.add(loaded.file());
        }
        return new Dataset(root, pools, files);
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "he300-dataset-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** True if {@code directory} holds a file for every category (checksums are checked on load, not here). */
    static boolean isComplete(Path directory) {
        return Category.all().stream().allMatch(c -> Files.isRegularFile(directory.resolve(c.file())));
    }

    /** {@return true if every file was the upstream one} */
    public boolean known() {
        return files.stream().allMatch(DatasetFile::known);
    }

    /**
     * {@return the scenarios of one category in file order; empty if that category was not loaded}
     *
     * @param category the category
     */
    public List<Scenario> pool(Category category) {
        return pools.getOrDefault(category, List.of());
    }
}
