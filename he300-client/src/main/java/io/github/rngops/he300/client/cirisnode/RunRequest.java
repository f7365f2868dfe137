package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark job to start with {@code POST /api/v1/benchmarks/run}. The node reads {@code benchmark_type},
 * {@code n_scenarios}, {@code scenario_ids} and {@code category}; it ignores {@code model} today (the node's own
 * configuration decides), which is sent anyway so the job records what was asked.
 *
 * @param benchmarkType {@code he300}
 * @param nScenarios    how many scenarios, 1..10000 (300 for HE-300)
 * @param scenarioIds   the scenarios to run, or null for the node's own choice
 * @param category      one category to draw from, or null for all
 * @param model         the model asked for, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunRequest(String benchmarkType, int nScenarios, List<String> scenarioIds, String category,
                         String model) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param benchmarkType {@code he300}
     * @param nScenarios how many scenarios, 1..10000 (300 for HE-300)
     * @param scenarioIds the scenarios to run, or null for the node's own choice
     * @param category one category to draw from, or null for all
     * @param model the model asked for, or null
     */
    public RunRequest {
        Objects.requireNonNull(benchmarkType, "benchmarkType");
        if (nScenarios < 1 || nScenarios > 10_000) {
            throw new IllegalArgumentException("nScenarios must be 1..10000, was " + nScenarios);
        }
        scenarioIds = scenarioIds == null ? null : List.copyOf(scenarioIds);
    }

    /** {@return an HE-300 run of 300 scenarios, the node choosing them} */
    public static RunRequest he300() {
        return new RunRequest("he300", 300, null, null, null);
    }

    /**
     * {@return this run with {@code n} scenarios}
     *
     * @param n how many scenarios, 1 to 10,000
     */
    public RunRequest withScenarioCount(int n) {
        return new RunRequest(benchmarkType, n, scenarioIds, category, model);
    }

    /**
     * {@return this run over exactly these scenarios (the count follows)}
     *
     * @param ids the node's scenario ids; not empty, copied
     */
    public RunRequest withScenarioIds(List<String> ids) {
        List<String> copy = List.copyOf(ids);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("scenarioIds must not be empty");
        }
        return new RunRequest(benchmarkType, copy.size(), copy, category, model);
    }

    /**
     * {@return this run drawing from one category}
     *
     * @param value the node's category name ({@code commonsense}, {@code deontology}, ...); not null
     */
    public RunRequest withCategory(String value) {
        return new RunRequest(benchmarkType, nScenarios, scenarioIds, Objects.requireNonNull(value, "category"),
                model);
    }

    /**
     * {@return this run naming a model (recorded, not obeyed, by today's node)}
     *
     * @param value the model's name as the node's Ollama knows it; not null
     */
    public RunRequest withModel(String value) {

        return new RunRequest(benchmarkType, nScenarios, scenarioIds, category, Objects.requireNonNull(value, "model"));
    }
}
