package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The server's tally for a whole batch, as it sent it.
 *
 * <p>The server counts a no-LLM answer ({@link ScenarioResult#llmUnavailable()}) as answered, and may count it
 * correct; {@link BatchResult#results()} is the honest source.
 *
 * @param total        scenarios in the batch
 * @param correct      scored correct by the server
 * @param accuracy     {@code correct / total}
 * @param avgLatencyMs mean time per scenario
 * @param byCategory   the tally per server category name
 * @param errors       scenarios the server reported as failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchSummary(int total, int correct, double accuracy, double avgLatencyMs,
                           Map<String, CategorySummary> byCategory, int errors) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param total scenarios in the batch
     * @param correct scored correct by the server
     * @param accuracy {@code correct / total}
     * @param avgLatencyMs mean time per scenario
     * @param byCategory the tally per server category name
     * @param errors scenarios the server reported as failed
     */
    public BatchSummary {
        byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
    }
}
