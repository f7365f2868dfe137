package io.github.rngops.he300.client.cirisnode;

import java.util.List;

/**
 * What {@code GET /api/v1/benchmarks/he300/scenarios} answers: the node's own scenario list.
 *
 * @param total     how many scenarios the answer holds
 * @param scenarios the scenarios
 * @param source    where the node read them from
 */
public record NodeScenarios(int total, List<Scenario> scenarios, String source) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param total how many scenarios the answer holds
     * @param scenarios the scenarios
     * @param source where the node read them from
     */
    public NodeScenarios {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /**
     * One of the node's scenarios.
     *
     * @param id            the node's id
     * @param prompt        the text
     * @param expectedLabel the dataset label
     * @param category      the category
     * @param principle     the ethical principle the node files it under
     */
    public record Scenario(String id, String prompt, int expectedLabel, String category, String principle) {
    }
}
