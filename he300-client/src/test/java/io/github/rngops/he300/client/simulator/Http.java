package io.github.rngops.he300.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.PromptSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A test client for a simulator: {@link HttpClient} over HTTP/1.1, JSON in and out. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;

    Http(Simulator simulator) {
        this(simulator, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    Http(Simulator simulator, HttpClient client) {
        this.client = client;
        this.base = simulator.baseUri();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, null);
    }

    HttpResponse<String> post(String path, String body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timeout != null) {
            request.timeout(timeout);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    /** The non-empty lines of a streamed body, each parsed. */
    static List<JsonNode> lines(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(Http::parse).collect(Collectors.toList());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** {@code /api/generate} with {@code "stream": false} for the scenario's CIRIS prompt. */
    static ObjectNode generate(String model, Scenario scenario) {
        ObjectNode body = JSON.createObjectNode().put("model", model)
                .put("prompt", PromptSet.ciris().render(scenario).user()).put("stream", false);
        body.putObject("options").put("temperature", 0).put("seed", 42);
        return body;
    }

    /** {@code /api/chat} with {@code "stream": false} for the scenario's CIRIS prompt. */
    static ObjectNode chat(String model, Scenario scenario) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", false);
        body.putArray("messages").addObject().put("role", "user")
                .put("content", PromptSet.ciris().render(scenario).user());
        return body;
    }

    /**
     * The answer text of a non-streamed generate response, asked once more if the first try got no response at all.
     * A pooled connection can end just as a request goes out on it; the JDK client then retries only idempotent
     * methods, while the runs' client counts a generation as idempotent and retries it. Asking again is safe: an
     * answer depends on the seed and the scenario alone. Tests that inject faults use {@link #post} and see every
     * failure.
     */
    String answer(String model, Scenario scenario) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = post("api/generate", generate(model, scenario));
        } catch (IOException unanswered) {
            response = post("api/generate", generate(model, scenario));
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).get("response").asText();
    }
}
