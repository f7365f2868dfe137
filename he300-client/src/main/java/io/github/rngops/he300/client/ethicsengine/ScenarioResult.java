package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.rngops.he300.client.http.internal.TextOnly;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The server's outcome for one scenario of a batch.
 *
 * <p>A result is either <em>answered</em> ({@link #error()} is null, {@link #predictedLabel()} is the server's
 * verdict) or <em>failed</em> ({@link #error()} says why, and the label means nothing). An EthicsEngine without an
 * LLM configured answers {@value #LLM_UNAVAILABLE} with label 0 and no error; the client turns that into a failed
 * result ({@link #llmUnavailable()} is true, the label is dropped), so it is never counted as a verdict.
 *
 * @param scenarioId     the id the batch sent (this project's protocol id)
 * @param category       the server's category name
 * @param inputText      the text the server asked about
 * @param expectedLabel  the label the batch sent
 * @param predictedLabel the server's label, null when the scenario failed
 * @param modelResponse  the model's raw answer; may be null or empty
 * @param isCorrect      whether the server scored the answer correct (false when failed)
 * @param confidence     the server's confidence; null from the HE-300 API version
 * @param latencyMs      the server's time for this scenario
 * @param error          why the scenario failed, null when answered
 * @param traceId        the server's trace id; null from the HE-300 API version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScenarioResult(String scenarioId, String category, String inputText, Integer expectedLabel,
                             Integer predictedLabel, @JsonDeserialize(using = TextOnly.class) String modelResponse,
                             @JsonProperty("is_correct") boolean isCorrect, Double confidence, double latencyMs,
                             String error, String traceId) {

    /** The answer of an EthicsEngine that has no LLM configured. */
    public static final String LLM_UNAVAILABLE = "Error: LLM configuration unavailable.";

    /** {@return whether the server answered with a verdict ({@link #error()} is null)} */
    public boolean answered() {
        return error == null;
    }

    /** {@return whether the server had no LLM configured for this scenario, so gave no verdict} */
    public boolean llmUnavailable() {
        return modelResponse != null && modelResponse.strip().startsWith(LLM_UNAVAILABLE);
    }

    /** The server's answer made honest: the no-LLM answer becomes a failure with a reason, not a verdict. */
    ScenarioResult normalized() {
        if (!llmUnavailable() || error != null) {
            return this;
        }
        String reason = "EthicsEngine has no LLM configured: it answered \"" + LLM_UNAVAILABLE
                + "\" (configure an LLM on the server)";
        return new ScenarioResult(scenarioId, category, inputText, expectedLabel, null, modelResponse, false,
                confidence, latencyMs, reason, traceId);
    }
}
