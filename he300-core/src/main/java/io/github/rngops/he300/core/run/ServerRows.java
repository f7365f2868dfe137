package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.parse.AnswerParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-scenario rows that CIRISNode's bundle and EthicsEngine's batch response share
 * ({@code scenario_id, category, input_text, expected_label, predicted_label, model_response, latency_ms, error}),
 * read into scenarios and replies, and a set of them made into a result.
 */
final class ServerRows {

    private ServerRows() {
    }

    static JsonNode parse(String json, String source) {
        try {
            JsonNode tree = JsonCodec.MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new He300Exception(source + " is not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new He300Exception(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

    static long millis(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() ? Math.max(0, Math.round(value.doubleValue())) : 0;
    }

    /** The scenario a row is about; the server's text for input, as it was what the model saw. */
    static Scenario scenario(JsonNode row, String source) {
        String id = text(row, "scenario_id");
        if (id == null || id.isBlank()) {
            throw new He300Exception(source + ": a result row has no scenario_id");
        }
        String categoryId = text(row, "category");
        Category category = Category.fromId(categoryId == null ? "" : categoryId).orElseThrow(() ->
                new He300Exception(source + ": scenario " + id + " has category \"" + categoryId
                        + "\", not one of " + Category.allIds()));
        Integer expected = integer(row, "expected_label");
        if (expected == null || (expected != 0 && expected != 1)) {
            throw new He300Exception(source + ": scenario " + id + " has expected_label " + row.get("expected_label")
                    + ", not 0 or 1");
        }
        String input = text(row, "input_text");
        return new Scenario(id, category, input == null ? "" : input, expected);
    }

    /**
     * The reply a row stands for. A row with an {@code error}, or whose answer is an error text the server put in
     * place of a model's answer ({@code "Error: ..."}, as EthicsEngine does with no LLM configured), is a failure; a
     * row without {@code model_response} has nothing to parse and is a failure too. The server's label is kept.
     */
    static Reply reply(JsonNode row, String id) {
        long latency = millis(row, "latency_ms");
        String error = text(row, "error");
        JsonNode response = row.get("model_response");
        String answer = text(row, "model_response");
        Reply reply;
        if (error != null && !error.isBlank()) {
            reply = Reply.failure(id, ErrorKind.SERVER_ERROR, "the server reported: " + error, latency);
        } else if (response != null && !response.isNull() && !response.isTextual()) {
            // A number or an object is not a model's answer: never let asText() turn 42 into the answer "42".
            reply = Reply.failure(id, ErrorKind.INVALID_RESPONSE, "the server's model_response is "
                    + response.getNodeType().name().toLowerCase(Locale.ROOT) + ", not text", latency);
        } else if (answer == null) {
            reply = Reply.failure(id, ErrorKind.INVALID_RESPONSE, "the server gave no model_response to parse",
                    latency);
        } else if (answer.strip().startsWith("Error:")) {
            reply = Reply.failure(id, ErrorKind.SERVER_ERROR, "the server answered with an error instead of a model"
                    + " answer: \"" + answer.strip() + "\"" + (answer.contains("LLM configuration unavailable")
                    ? " (it has no LLM configured)" : ""), latency);
        } else {
            reply = Reply.answer(id, answer, latency);
        }
        return reply.withServerLabel(integer(row, "predicted_label"));
    }

    /** A result from rows (first row per scenario wins), graded with the strict parser. */
    static RunResult result(List<JsonNode> rows, String source, RunSpecFacts facts, TargetInfo target,
            Instant start, Instant end) {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            Scenario scenario = scenario(row, source);
            if (scenarios.putIfAbsent(scenario.id(), scenario) == null) {
                outcomes.put(scenario.id(), Grading.grade(scenario, reply(row, scenario.id()), AnswerParser.strict()));
            }
        }
        if (scenarios.isEmpty()) {
            throw new He300Exception(source + " has no per-scenario results: nothing to score");
        }
        List<Scenario> sample = new ArrayList<>(scenarios.values());
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        sample.forEach(s -> categories.add(s.category()));
        RunSpec spec = new RunSpec(facts.protocolVersion(), facts.seed(), sample.size(), List.copyOf(categories),
                sample.stream().map(Scenario::id).collect(Collectors.toList()), List.of(), false);
        RunSettings settings = new RunSettings(facts.model(), facts.options(), "server:" + target.kind(),
                AnswerParser.strict().mode(), 1, sample.size(), 0, null, 0);
        Timing timing = Timing.of(start, end.isBefore(start) ? start : end, sample.size(), 0);
        return RunResult.of(spec, sample, settings, Environment.of(target), timing, Ending.COMPLETED, outcomes);
    }

    /** What a server says about the run's spec and settings; null where it says nothing. */
    record RunSpecFacts(String protocolVersion, String seed, String model, Map<String, Object> options) {
    }
}
