package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What {@code POST /he300/batch} answers, with every no-LLM answer already turned into a failed result.
 *
 * @param batchId          the batch's id, as sent
 * @param status           {@code completed}, {@code partial} (some scenarios failed) or {@code error} (all failed),
 *                         as the server judged it
 * @param results          one result per scenario sent, in the order sent
 * @param summary          the server's tally; may be null if the server sent none
 * @param identityId       the identity the server was asked to use
 * @param guidanceId       the guidance the server was asked to use
 * @param processingTimeMs the server's time for the whole batch
 * @param errorMessage     the server's message for a batch that failed as a whole; usually null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchResult(String batchId, String status, List<ScenarioResult> results, BatchSummary summary,
                          String identityId, String guidanceId, double processingTimeMs, String errorMessage) {

    /**
     * Copies the results; a missing list is an empty one.
     *
     * @param batchId the batch's id, as sent
     * @param status {@code completed}, {@code partial} or {@code error}, as the server judged it
     * @param results one result per scenario sent, in the order sent; null for none
     * @param summary the server's tally; may be null
     * @param identityId the identity the server was asked to use
     * @param guidanceId the guidance the server was asked to use
     * @param processingTimeMs the server's time for the whole batch, in milliseconds
     * @param errorMessage the server's message for a batch that failed as a whole; usually null
     */
    public BatchResult {

        results = results == null ? List.of() : List.copyOf(results);
    }

    /** {@return the scenarios that got no verdict, for whatever reason} */
    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.answered()).toList();
    }

    /** {@return whether any scenario was answered by a server that has no LLM configured} */
    public boolean llmUnavailable() {
        return results.stream().anyMatch(ScenarioResult::llmUnavailable);
    }

    /** This result with every scenario {@linkplain ScenarioResult#normalized() normalized}. */
    BatchResult normalized() {
        return new BatchResult(batchId, status, results.stream().map(ScenarioResult::normalized).toList(), summary,
                identityId, guidanceId, processingTimeMs, errorMessage);
    }
}
