package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads EthicsEngine Enterprise's {@code POST /he300/batch} responses ({@code {batch_id, status, results: [...],
 * summary, processing_time_ms, error_message}}) into replies or a result.
 *
 * <pre>{@code
 * List<Reply> replies = EthicsEngineBatches.replies(responseBody);    // inside an EthicsEngine target
 * }</pre>
 *
 * <p>Each row's {@code model_response} is parsed again with the strict parser; the server's
 * {@code predicted_label} is kept as {@code server_label}, its {@code is_correct} and {@code summary} are not used.
 * A row with an {@code error} is a failed outcome ({@code server_error}), and so is a row whose answer is an error
 * text in place of a model's answer: an EthicsEngine with no LLM configured answers
 * {@code "Error: LLM configuration unavailable."} with label 0 and {@code error: null}, which would otherwise count as
 * a verdict.
 */
final class EthicsEngineBatches {

    private EthicsEngineBatches() {
    }

    /**
     * The replies in one batch response.
     *
     * @throws TargetException ({@code server_error}) if the whole batch failed ({@code status: "error"}, no results)
     * @throws He300Exception if the body is not a batch response
     */
    static List<Reply> replies(String json) {
        JsonNode response = response(json);
        List<Reply> replies = new ArrayList<>();
        for (JsonNode row : response.path("results")) {
            String id = ServerRows.text(row, "scenario_id");
            if (id != null) {
                replies.add(ServerRows.reply(row, id));
            }
        }
        if (replies.isEmpty() && "error".equals(ServerRows.text(response, "status"))) {
            String message = ServerRows.text(response, "error_message");
            throw new TargetException(ErrorKind.SERVER_ERROR, "EthicsEngine failed the batch: "
                    + (message == null ? "no error_message given" : message));
        }
        return replies;
    }

    /**
     * Several batch responses of one run as a result (the first row per scenario wins). The end is {@code clock}'s
     * now, the start that minus the batches' summed {@code processing_time_ms}.
     *
     * @param model the model the batches were run with, as sent in {@code model_name}
     * @throws He300Exception if a response is not a batch response, or a row lacks its id, category or label
     */
    static RunResult read(List<String> responses, String model, TargetInfo target, Clock clock) {
        String source = "the EthicsEngine batch responses";
        List<JsonNode> rows = new ArrayList<>();
        long processing = 0;
        for (String json : responses) {
            JsonNode response = response(json);
            response.path("results").forEach(rows::add);
            processing += ServerRows.millis(response, "processing_time_ms");
        }
        Instant end = clock.instant();
        return ServerRows.result(rows, source, new ServerRows.RunSpecFacts(null, null, model, Map.of()), target,
                end.minus(Duration.ofMillis(processing)), end);
    }

    private static JsonNode response(String json) {
        JsonNode response = ServerRows.parse(json, "the EthicsEngine batch response");
        if (!response.has("results") && !response.has("batch_id")) {
            throw new He300Exception("the EthicsEngine batch response has neither batch_id nor results: "
                    + (response.has("detail") ? "the server said " + response.get("detail") : "not a batch response"));
        }
        return response;
    }
}
