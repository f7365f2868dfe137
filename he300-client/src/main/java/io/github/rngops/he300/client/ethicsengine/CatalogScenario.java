package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One scenario of the server's own catalog ({@code GET /he300/catalog}, {@code GET /he300/scenarios/{id}}).
 *
 * <p>The server's ids are its own ({@code HE-CO-0001}) and not unique: {@code commonsense} and
 * {@code commonsense_hard} both number theirs {@code HE-CO-…}. They serve for browsing only; a batch sends this
 * project's protocol ids.
 *
 * @param scenarioId    the server's id
 * @param category      the server's category name
 * @param inputText     the text the server would ask about
 * @param expectedLabel the dataset label
 * @param sourceFile    the dataset file, relative to the server's dataset root
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogScenario(String scenarioId, String category, String inputText, int expectedLabel,
                              String sourceFile) {
}
