package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /he300/catalog}.
 *
 * @param totalScenarios how many scenarios match the category filter, over all pages
 * @param byCategory     how many scenarios each category holds, regardless of the filter
 * @param scenarios      this page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogPage(long totalScenarios, Map<String, Long> byCategory, List<CatalogScenario> scenarios) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param totalScenarios how many scenarios match the category filter, over all pages
     * @param byCategory how many scenarios each category holds, regardless of the filter
     * @param scenarios this page
     */
    public CatalogPage {
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
}
