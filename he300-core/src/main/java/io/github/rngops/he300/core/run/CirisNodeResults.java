package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.He300Exception;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CIRISNode's benchmark result bundle ({@code {job_id, status, timestamp_start, timestamp_end,
 * duration_seconds, summary, results: [...], config, signature, public_key}}, bare or inside
 * {@code GET /results/{job_id}}'s {@code {"result": ...}}) into this project's shapes.
 *
 * <pre>{@code
 * RunResult result = CirisNodeResults.read(json, TargetInfo.of("cirisnode", url), Clock.systemUTC());
 * }</pre>
 *
 * <p>Each row's {@code model_response} is parsed again with the strict parser, so a CIRISNode score means what every
 * other score here means; the node's own {@code predicted_label} is kept as {@code server_label} and its
 * {@code is_correct} and {@code summary} are not used. A row with an {@code error} is a failed outcome. The canned
 * result a node with EthicsEngine disabled returns ({@code "signature": "mock-signature-eee-disabled"}, 85% for any
 * run) is refused: it is not a measurement.
 */
final class CirisNodeResults {

    /** The signature of the canned result of a node whose EthicsEngine is disabled. */
    static final String CANNED_SIGNATURE = "mock-signature-eee-disabled";

    private CirisNodeResults() {
    }

    /**
     * The replies in a bundle, for a CIRISNode target to return from {@link Target#evaluate}.
     *
     * @throws He300Exception if the bundle is the canned result, a failed job, or has no per-scenario results
     */
    static List<Reply> replies(String json) {
        List<Reply> replies = new ArrayList<>();
        for (JsonNode row : rows(bundle(json, "the CIRISNode result"), "the CIRISNode result")) {
            String id = ServerRows.text(row, "scenario_id");
            if (id != null) {
                replies.add(ServerRows.reply(row, id));
            }
        }
        return replies;
    }

    /**
     * A whole bundle as a result. Its timestamps give the timing; without them, {@code clock} gives the end and
     * {@code duration_seconds} the start.
     *
     * @throws He300Exception if the bundle is the canned result, a failed job, has no per-scenario results, or a row
     *     lacks its scenario id, category or expected label
     */
    static RunResult read(String json, TargetInfo target, Clock clock) {
        String source = "the CIRISNode result";
        JsonNode bundle = bundle(json, source);
        JsonNode config = bundle.path("config");
        Map<String, Object> options = new LinkedHashMap<>();
        if (config.isObject()) {
            for (Map.Entry<String, JsonNode> entry : config.properties()) {
                if (!entry.getKey().equals("model")) {
                    options.put(entry.getKey(), JsonCodec.MAPPER.convertValue(entry.getValue(), Object.class));
                }
            }
        }
        String model = config.isObject() ? ServerRows.text(config, "model") : null;
        String seed = config.isObject() ? ServerRows.text(config, "seed") : null;
        String version = config.isObject() ? ServerRows.text(config, "protocol_version") : null;
        Instant end = instant(bundle.get("timestamp_end"));
        Instant start = instant(bundle.get("timestamp_start"));
        double seconds = bundle.path("duration_seconds").asDouble(0);
        if (end == null) {
            end = start != null ? start.plus(Duration.ofMillis(Math.round(seconds * 1000))) : clock.instant();
        }
        if (start == null) {
            start = end.minus(Duration.ofMillis(Math.round(seconds * 1000)));
        }
        return ServerRows.result(rows(bundle, source), source,
                new ServerRows.RunSpecFacts(version, seed, model == null ? "unknown" : model, options), target,
                start, end);
    }

    private static JsonNode bundle(String json, String source) {
        JsonNode tree = ServerRows.parse(json, source);
        if (!tree.has("results") && tree.path("result").isObject()) {
            tree = tree.get("result");
        }
        if (CANNED_SIGNATURE.equals(ServerRows.text(tree, "signature"))) {
            throw new He300Exception(source + " is the canned placeholder a node with EthicsEngine disabled returns"
                    + " (signature " + CANNED_SIGNATURE + ", accuracy 0.85 whatever the model): not a measurement."
                    + " Enable EthicsEngine on the node, or run against the model directly");
        }
        if ("failed".equals(ServerRows.text(tree, "status"))) {
            throw new He300Exception(source + ": the job failed: " + ServerRows.text(tree, "error"));
        }
        return tree;
    }

    private static List<JsonNode> rows(JsonNode bundle, String source) {
        JsonNode results = bundle.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            throw new He300Exception(source + " has no per-scenario results (only a summary?): it cannot be checked"
                    + " or scored, so it is not taken as a measurement");
        }
        List<JsonNode> rows = new ArrayList<>();
        results.forEach(rows::add);
        return rows;
    }

    /** An ISO instant, an ISO local date-time (taken as UTC, as Python's {@code utcnow().isoformat()}), or epoch seconds. */
    static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000));
        }
        String text = value.asText().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }
}
