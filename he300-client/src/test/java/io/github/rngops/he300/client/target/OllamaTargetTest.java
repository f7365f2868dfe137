package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.TargetInfo;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OllamaTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAGS = "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\","
            + "\"digest\":\"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72\",\"details\":{"
            + "\"format\":\"gguf\",\"family\":\"llama\",\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"}},"
            + "{\"name\":\"qwen2.5:7b\",\"model\":\"qwen2.5:7b\",\"digest\":\"845dbda0ea48\"}]}";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private void answer(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    private OpenTarget open(String model) {
        return Targets.open(TargetConfig.builder(TargetKind.OLLAMA).url(server.url("/").toString()).model(model)
                .http(Samples.quickHttp()).build(), List.of());
    }

    private static Batch batchOf(Scenario scenario, String model) {
        ScenarioRequest request = new ScenarioRequest(scenario, PromptSet.ciris().render(scenario),
                Targets.generation(TargetKind.OLLAMA, model, 42, 128));
        return new Batch(List.of(request), Instant.now().plusSeconds(60));
    }

    private void opened() {
        answer(200, "{\"version\":\"0.6.5\"}");
        answer(200, "{\"details\":{\"quantization_level\":\"Q4_K_M\"}}");   // show
        answer(200, TAGS);
    }

    @Test
    void describesServerVersionDigestAndQuantizationFromTheServer() throws Exception {
        opened();
        try (OpenTarget target = open("ollama/llama3.2")) {
            TargetInfo info = target.describe();
            assertThat(target.model()).isEqualTo("llama3.2");
            assertThat(info.kind()).isEqualTo("ollama");
            assertThat(info.serverVersion()).isEqualTo("0.6.5");
            assertThat(info.modelDigest()).startsWith("a80c4f17");
            assertThat(info.quantization()).isEqualTo("Q4_K_M");
            assertThat(info.simulated()).isFalse();
            assertThat(info.details()).containsEntry("parameter_size", "3.2B").containsEntry("api", "generate");
        }
        RecordedRequest show = server.takeRequest();
        show = server.takeRequest();
        assertThat(show.getUrl().encodedPath()).isEqualTo("/api/show");
        assertThat(JSON.readTree(show.getBody().utf8()).path("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void sendsTemperatureSeedAndTokenLimitInsideOptions() throws Exception {
        opened();
        answer(200, "{\"model\":\"llama3.2\",\"response\":\"Unethical. It harms them.\",\"done\":true,"
                + "\"prompt_eval_count\":80,\"eval_count\":6,\"eval_duration\":120000000}");
        Scenario scenario = Samples.of(30).scenarios().get(0);
        try (OpenTarget target = open("llama3.2")) {
            List<Reply> replies = target.evaluate(batchOf(scenario, target.model()));
            assertThat(replies).singleElement().satisfies(r -> {
                assertThat(r.text()).startsWith("Unethical");
                assertThat(r.completionTokens()).isEqualTo(6);
                assertThat(r.promptTokens()).isEqualTo(80);
                assertThat(r.evalNanos()).isEqualTo(120_000_000L);
            });
        }
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("llama3.2");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.path("options").path("temperature").asDouble(-1)).isEqualTo(0.0);
        assertThat(body.path("options").path("seed").asInt()).isEqualTo(42);
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(128);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.path("prompt").asText()).contains("=== SCENARIO ===").contains(scenario.input());
    }

    @Test
    void aMissingModelIsRefusedBeforeTheRunNamingWhatTheServerHas() {
        answer(200, "{\"version\":\"0.6.5\"}");
        answer(404, "{\"error\":\"model 'mistral' not found\"}");
        answer(200, TAGS);
        assertThatThrownBy(() -> open("mistral")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("model 'mistral' is not on the Ollama")
                .hasMessageContaining("llama3.2:latest, qwen2.5:7b")
                .hasMessageContaining("ollama pull mistral");
    }

    @Test
    void aServerThatCannotBeReachedIsSaidPlainly() throws Exception {
        int port;
        try (var free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertThatThrownBy(() -> Targets.open(TargetConfig.builder(TargetKind.OLLAMA).url(url).model("x")
                .http(Samples.quickHttp()).build(), List.of()))
                .isInstanceOf(He300Exception.class).hasMessageContaining("cannot use the Ollama at " + url);
    }

    @Test
    void failuresBecomeTheEnginesErrorKinds() throws Exception {
        opened();
        answer(404, "{\"error\":\"model 'llama3.2' not found, try pulling it first\"}");
        answer(401, "{\"error\":\"unauthorized\"}");
        answer(429, "{\"error\":\"too many requests\"}");
        answer(500, "{\"error\":\"llama runner process has terminated\"}");
        answer(400, "{\"error\":\"invalid options\"}");
        Scenario scenario = Samples.of(30).scenarios().get(1);
        try (OpenTarget target = open("llama3.2")) {
            List<ErrorKind> kinds = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                kinds.add(target.evaluate(batchOf(scenario, target.model())).get(0).error());
            }
            assertThat(kinds).containsExactly(ErrorKind.MODEL_NOT_FOUND, ErrorKind.AUTH, ErrorKind.RATE_LIMITED,
                    ErrorKind.HTTP_5XX, ErrorKind.HTTP_4XX);
        }
    }

    @Test
    void withoutAModelTakesTheServersOnlyOneAndElseAsksForOne() {
        answer(200, "{\"version\":\"0.6.5\"}");
        answer(200, TAGS);
        assertThatThrownBy(() -> open(null)).isInstanceOf(He300Exception.class)
                .hasMessageContaining("several (llama3.2:latest, qwen2.5:7b)").hasMessageContaining("--model");
    }
}
