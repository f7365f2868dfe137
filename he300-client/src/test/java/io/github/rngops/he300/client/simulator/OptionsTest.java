package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.PromptSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sampling options: Ollama reads them only inside {@code options}; the log records exactly what counted. */
class OptionsTest {

    static final String MODEL = SimulatorSettings.DEFAULT_MODEL;

    static Simulator sim;
    static Http http;
    static Scenario scenario;

    /** Starts a simulator and picks a scenario whose answer is more than one word, so a limit of 1 cuts it. */
    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder().accuracy(1).build());
        http = new Http(sim);
        for (Scenario candidate : TestData.sample().scenarios()) {
            if (http.answer(MODEL, candidate).contains(" ")) {
                scenario = candidate;
                break;
            }
        }
        assertThat(scenario).isNotNull();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clearLog() {
        sim.log().clear();
    }

    static RequestRecord only() {
        List<RequestRecord> records = sim.log().entries();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void optionsNestedInOptionsAreRecorded() throws Exception {
        ObjectNode request = Http.generate(MODEL, scenario);
        ((ObjectNode) request.get("options")).put("num_ctx", 4096).putArray("stop").add("\n\n");
        http.post("api/generate", request);

        Map<String, Object> options = only().options();
        assertThat(options).containsOnlyKeys("temperature", "seed", "num_ctx", "stop");
        assertThat(options.get("temperature")).isEqualTo(0);
        assertThat(options.get("seed")).isEqualTo(42);
        assertThat(options.get("stop")).isEqualTo(List.of("\n\n"));
    }

    @Test
    void topLevelSamplingFieldsAreIgnoredAsOllamaIgnoresThem() throws Exception {
        ObjectNode request = Http.generate(MODEL, scenario);
        request.remove("options");
        request.put("temperature", 0.7).put("seed", 1).put("num_predict", 1);
        JsonNode body = Http.parse(http.post("api/generate", request).body());

        assertThat(only().options()).isEmpty();
        assertThat(body.get("done_reason").asText()).isEqualTo("stop");
    }

    @Test
    void numPredictCutsTheAnswerShort() throws Exception {
        ObjectNode request = Http.generate(MODEL, scenario);
        ((ObjectNode) request.get("options")).put("num_predict", 1);
        JsonNode body = Http.parse(http.post("api/generate", request).body());

        assertThat(body.get("done_reason").asText()).isEqualTo("length");
        assertThat(body.get("eval_count").asInt()).isEqualTo(1);
        assertThat(body.get("response").asText()).startsWith(scenario.expectedWord().substring(0, 3));
    }

    @Test
    void chatRecordsItsOptionsToo() throws Exception {
        ObjectNode request = Http.chat(MODEL, scenario);
        request.putObject("options").put("top_k", 1);
        request.put("top_p", 0.5);
        http.post("api/chat", request);

        assertThat(only().options()).containsExactly(Map.entry("top_k", 1));
        assertThat(only().stream()).isFalse();
    }

    @Test
    void openAiSamplingFieldsAreTopLevel() throws Exception {
        ObjectNode request = Http.JSON.createObjectNode().put("model", MODEL).put("temperature", 0).put("seed", 42)
                .put("max_tokens", 1).put("user", "someone");
        request.putArray("messages").addObject().put("role", "user")
                .put("content", PromptSet.ciris().render(scenario).user());
        JsonNode body = Http.parse(http.post("v1/chat/completions", request).body());

        assertThat(only().options()).containsOnlyKeys("temperature", "seed", "max_tokens");
        assertThat(body.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void theLogSaysWhatWasAskedAndWhen() throws Exception {
        http.post("api/generate", Http.generate(MODEL, scenario));

        RequestRecord record = only();
        assertThat(record.method()).isEqualTo("POST");
        assertThat(record.path()).isEqualTo("/api/generate");
        assertThat(record.model()).isEqualTo(MODEL);
        assertThat(record.scenarioId()).isEqualTo(scenario.id());
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.generation()).isPositive();
        assertThat(record.received()).isBeforeOrEqualTo(record.started());
        assertThat(record.started()).isBeforeOrEqualTo(record.finished());
        assertThat(record.latency().isNegative()).isFalse();
    }
}
