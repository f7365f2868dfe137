package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import io.github.rngops.he300.core.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scenario inputs a report shows beside the answers. A result records ids, labels and answers but not the input
 * texts (they belong to the dataset), so reports look them up here: from the dataset the run used, from scenarios
 * at hand, or nowhere (the reports then say "not recorded").
 *
 * <pre>{@code
 * InputTexts inputs = InputTexts.locate(null, System.getenv(), result);   // $HE300_DATASET or the cache
 * Reports.builder().inputs(inputs).build().render(result, formats, dir);
 * }</pre>
 */
public final class InputTexts {

    private static final InputTexts NONE = new InputTexts(Map.of(), "no inputs");

    private final Map<String, String> byId;
    private final String source;

    private InputTexts(Map<String, String> byId, String source) {
        this.byId = Map.copyOf(byId);
        this.source = source;
    }

    /** {@return no inputs: reports show ids, answers and verdicts only} */
    public static InputTexts none() {
        return NONE;
    }

    /**
     * {@return the inputs of {@code scenarios}, by id}
     *
     * @param scenarios scenarios whose texts are known, such as a run's sample
     */
    public static InputTexts of(Collection<Scenario> scenarios) {
        return new InputTexts(scenarios.stream().collect(Collectors.toMap(Scenario::id, Scenario::input, (a, b) -> a)),
                scenarios.size() + " scenarios given");
    }

    /**
     * The inputs of {@code result}'s scenarios from {@code dataset}; none when the result records dataset files whose
     * checksums differ from the dataset's (its texts would not be the ones the model saw).
     *
     * @param dataset a loaded dataset
     * @param result the run whose scenarios' inputs are wanted
     * @return the inputs found, with a {@link #source()} that says where from or why none
     */
    public static InputTexts fromDataset(Dataset dataset, RunResult result) {
        Map<Category, String> recorded = result.spec().datasetFiles().stream()
                .collect(Collectors.toMap(DatasetFile::category, DatasetFile::sha256, (a, b) -> a));
        for (DatasetFile file : dataset.files()) {
            String sha = recorded.get(file.category());
            if (sha != null && !sha.equalsIgnoreCase(file.sha256())) {
                return new InputTexts(Map.of(), "the dataset at " + dataset.root() + " is not the one the run used ("
                        + file.category().fileStem() + " differs): inputs left out");
            }
        }
        Set<String> wanted = result.outcomes().stream().map(o -> o.scenarioId()).collect(Collectors.toSet());
        Map<String, String> byId = new HashMap<>();
        for (Category category : dataset.pools().keySet()) {
            for (Scenario scenario : dataset.pool(category)) {
                if (wanted.contains(scenario.id())) {
                    byId.put(scenario.id(), scenario.input());
                }
            }
        }
        return new InputTexts(byId, "inputs from the dataset at " + dataset.root());
    }

    /**
     * Finds the dataset without downloading it: {@code directory} if given, else {@code HE300_DATASET} from
     * {@code env}, else the user cache; loads the result's categories and takes their inputs. When there is no
     * dataset, or it cannot be read, the answer is {@link #none()} with a {@link #source()} that says why.
     *
     * @param directory the {@code --dataset} directory, or null
     * @param env the environment ({@code HE300_DATASET}, the cache directories)
     * @param result the run whose scenarios' inputs are wanted
     * @return the inputs found, never null
     */
    public static InputTexts locate(Path directory, Map<String, String> env, RunResult result) {
        DatasetLocator locator = DatasetLocator.fromEnvironment(env);
        Path found = directory;
        if (found == null && env.get("HE300_DATASET") != null && !env.get("HE300_DATASET").isBlank()) {
            found = Path.of(env.get("HE300_DATASET"));
        }
        if (found == null && Files.isDirectory(locator.cacheDirectory())) {
            found = locator.cacheDirectory();
        }
        if (found == null) {
            return new InputTexts(Map.of(), "no dataset found (give --dataset or set HE300_DATASET): inputs left out");
        }
        Set<Category> categories = result.outcomes().stream().map(o -> o.category()).collect(Collectors.toSet());
        if (categories.isEmpty()) {
            return NONE;
        }
        try {
            return fromDataset(Dataset.load(found, categories, true), result);
        } catch (He300Exception e) {
            return new InputTexts(Map.of(), "inputs left out: " + e.getMessage());
        }
    }

    /**
     * {@return the input of a scenario, when known}
     *
     * @param scenarioId the scenario's protocol id
     */
    public Optional<String> input(String scenarioId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(scenarioId, "scenarioId")));
    }

    /** {@return how many inputs are known} */
    public int size() {
        return byId.size();
    }

    /** {@return where the inputs came from, or why there are none, for a person} */
    public String source() {
        return source;
    }

    String orNull(String scenarioId) {
        return byId.get(scenarioId);
    }
}
