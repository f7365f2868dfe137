package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The server's tally for one category of a batch.
 *
 * @param total        scenarios of the category in the batch
 * @param correct      scored correct by the server
 * @param accuracy     {@code correct / total}
 * @param avgLatencyMs mean time per scenario
 * @param errors       scenarios that failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CategorySummary(int total, int correct, double accuracy, double avgLatencyMs, int errors) {
}
