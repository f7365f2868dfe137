package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * An EthicsEngine Enterprise on loopback, built from SERVERS.md: both versions, quirks included. The HE-300 API
 * version takes no auth, asks every category "ethical or unethical" and sends no confidence or trace id; the newest
 * asks per category and, when given a key, demands it as a bearer token or {@code X-API-Key}. Both: identities other
 * than {@code Neutral} do not exist (every scenario errors), catalog ids collide across the two commonsense files,
 * and with no LLM configured every answer is "Error: LLM configuration unavailable." with label 0 and no error.
 */
public final class FakeEthicsEngine extends Dispatcher {
    public enum Version { HE300_API, NEWEST }

    static final List<String> CATEGORIES =
            List.of("commonsense", "commonsense_hard", "deontology", "justice", "virtue");
    private static final Set<String> KNOWN_PROFILES = Set.of("Neutral");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Version version;
    public volatile boolean llmConfigured = true;
    /** A broken server: every model_response is the number 42, not text. */
    public volatile boolean numericAnswers;
    /** Newest only: the key a caller must present; null for no auth. */
    volatile String requiredKey;
    final int perCategory;
    public final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> catalog = new LinkedHashMap<>();

    public FakeEthicsEngine(Version version, int perCategory) {
        this.version = version;
        this.perCategory = perCategory;
        for (String category : CATEGORIES) {
            List<ObjectNode> list = new ArrayList<>();
            // the server's own numbering: HE-CO-… for both commonsense files, hence the collision
            String prefix = "HE-" + category.toUpperCase(Locale.ROOT).substring(0, 2) + "-";
            for (int i = 1; i <= perCategory; i++) {
                ObjectNode s = JSON.createObjectNode();
                s.put("scenario_id", String.format("%s%04d", prefix, i));
                s.put("category", category);
                s.put("input_text", category + " scenario " + i);
                s.put("expected_label", i % 2);
                s.put("source_file", category + "/" + category + "_test.csv");
                list.add(s);
            }
            catalog.put(category, list);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        paths.add(method + " " + request.getTarget());
        try {
            if (method.equals("GET") && path.equals("/health")) {
                return json(200, "{\"status\":\"healthy\",\"version\":\"0.1.0\"}");
            }
            if (version == Version.NEWEST && requiredKey != null && !authorized(request)) {
                return json(401, "{\"detail\":\"Not authenticated\"}");
            }
            if (method.equals("GET") && path.equals("/he300/health")) {
                return json(200, "{\"status\":\"healthy\",\"datasets_available\":true,\"total_scenarios_loaded\":"
                        + perCategory * CATEGORIES.size() + ",\"categories_available\":"
                        + JSON.writeValueAsString(CATEGORIES) + "}");
            }
            if (method.equals("GET") && path.equals("/he300/catalog")) {
                return catalog(request);
            }
            if (method.equals("GET") && path.startsWith("/he300/scenarios/")) {
                String id = path.substring("/he300/scenarios/".length());
                return catalog.values().stream().flatMap(List::stream)
                        .filter(s -> s.get("scenario_id").asText().equals(id)).findFirst()
                        .map(s -> json(200, s.toString()))
                        .orElseGet(() -> json(404, "{\"detail\":\"Scenario '" + id + "' not found\"}"));
            }
            if (method.equals("POST") && path.equals("/he300/batch")) {
                return batch(JSON.readTree(request.getBody().utf8()));
            }
            return json(404, "{\"detail\":\"Not Found\"}");
        } catch (Exception e) {
            return new MockResponse.Builder().code(500).body("Internal Server Error").build();
        }
    }

    private boolean authorized(RecordedRequest request) {
        return ("Bearer " + requiredKey).equals(request.getHeaders().get("Authorization"))
                || requiredKey.equals(request.getHeaders().get("X-API-Key"));
    }

    private MockResponse catalog(RecordedRequest request) {
        String category = request.getUrl().queryParameter("category");
        int limit = intParam(request, "limit", 100);
        int offset = intParam(request, "offset", 0);
        List<ObjectNode> filtered = new ArrayList<>();
        if (category == null) {
            catalog.values().forEach(filtered::addAll);
        } else if (category.equals("mixed")) {
            filtered = List.of();
        } else if (catalog.containsKey(category)) {
            filtered = catalog.get(category);
        } else {
            return json(422, "{\"detail\":[{\"type\":\"enum\",\"loc\":[\"query\",\"category\"],\"msg\":\"Input should "
                    + "be 'commonsense', 'commonsense_hard', 'deontology', 'justice', 'virtue' or 'mixed'\","
                    + "\"input\":\"" + category + "\"}]}");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("total_scenarios", filtered.size());
        ObjectNode byCategory = root.putObject("by_category");
        catalog.forEach((k, v) -> byCategory.put(k, v.size()));
        ArrayNode page = root.putArray("scenarios");
        filtered.stream().skip(offset).limit(limit).forEach(page::add);
        return json(200, root.toString());
    }

    private MockResponse batch(JsonNode body) {
        if (!body.hasNonNull("batch_id")) {
            return json(422, "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"batch_id\"],"
                    + "\"msg\":\"Field required\",\"input\":{}}]}");
        }
        JsonNode scenarios = body.path("scenarios");
        if (scenarios.size() > 50) {
            return json(422, "{\"detail\":[{\"type\":\"too_long\",\"loc\":[\"body\",\"scenarios\"],\"msg\":"
                    + "\"List should have at most 50 items after validation, not " + scenarios.size() + "\"}]}");
        }
        if (scenarios.isEmpty()) {
            return json(422, "{\"detail\":\"At least one scenario is required\"}");
        }
        batches.add(body);
        // the HE-300 API version's defaults: profiles that do not exist
        String identity = body.path("identity_id").asText("default_assistant");
        String guidance = body.path("guidance_id").asText("default_ethical_guidance");
        boolean profilesExist = KNOWN_PROFILES.contains(identity) && KNOWN_PROFILES.contains(guidance);
        ObjectNode root = JSON.createObjectNode();
        root.put("batch_id", body.get("batch_id").asText());
        ArrayNode results = root.putArray("results");
        int correct = 0;
        int errors = 0;
        int index = 0;
        for (JsonNode s : scenarios) {
            ObjectNode r = results.addObject();
            String category = s.path("category").asText();
            int expected = s.path("expected_label").asInt();
            r.put("scenario_id", s.path("scenario_id").asText());
            r.put("category", category);
            r.put("input_text", s.path("input_text").asText());
            r.put("expected_label", expected);
            r.put("latency_ms", 12.5);
            if (version == Version.NEWEST) {
                r.put("trace_id", body.get("batch_id").asText() + "-scenario-" + index++);
            }
            if (!profilesExist) {
                r.putNull("predicted_label");
                r.put("model_response", "");
                r.put("is_correct", false);
                r.put("error", "Required identity or guidance not found");
                errors++;
                continue;
            }
            int predicted;
            if (!llmConfigured) {
                predicted = 0;
                r.put("model_response", ScenarioResult.LLM_UNAVAILABLE);
            } else {
                predicted = expected; // a perfect model
                r.put("model_response", word(category, predicted) + "\nBecause the fake says so.");
            }
            if (numericAnswers) {
                r.put("model_response", 42);
            }
            r.put("predicted_label", predicted);
            r.put("is_correct", predicted == expected);
            r.putNull("error");
            if (version == Version.NEWEST) {
                r.put("confidence", 0.9);
            }
            if (predicted == expected) {
                correct++;
            }
        }
        int total = scenarios.size();
        root.put("status", errors == total ? "error" : errors > 0 ? "partial" : "completed");
        ObjectNode summary = root.putObject("summary");
        summary.put("total", total);
        summary.put("correct", correct);
        summary.put("accuracy", (double) correct / total);
        summary.put("avg_latency_ms", 12.5);
        summary.putObject("by_category");
        summary.put("errors", errors);
        root.put("identity_id", identity);
        root.put("guidance_id", guidance);
        root.put("processing_time_ms", 12.5 * total);
        root.putNull("error_message");
        return json(200, root.toString());
    }

    /** The word the server asks for: the HE-300 API version asks "ethical or unethical" in every category. */
    private String word(String category, int label) {
        if (version == Version.HE300_API || category.startsWith("commonsense")) {
            return label == 1 ? "UNETHICAL" : "ETHICAL";
        }
        if (category.equals("virtue")) {
            return label == 1 ? "MATCHES" : "CONTRADICTS";
        }
        return label == 1 ? "REASONABLE" : "UNREASONABLE";
    }

    private static int intParam(RecordedRequest request, String name, int fallback) {
        String value = request.getUrl().queryParameter(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }
}
