package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OpenAiTargetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"Qwen/Qwen2.5-7B-Instruct\","
            + "\"object\":\"model\",\"owned_by\":\"vllm\"}]}";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private void answer(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    private OpenTarget open(String model) {
        return Targets.open(TargetConfig.builder(TargetKind.OPENAI).url(server.url("/v1").toString()).model(model)
                .credentials(new Credentials(null, "sk-test-key", null, null)).http(Samples.quickHttp()).build(),
                List.of());
    }

    @Test
    void sendsChatCompletionsWithTemperatureSeedAndMaxTokens() throws Exception {
        answer(200, MODELS);
        answer(200, "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"Reasonable.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":90,"
                + "\"completion_tokens\":3,\"total_tokens\":93}}");
        Scenario scenario = Samples.of(30).scenarios().get(2);
        try (OpenTarget target = open(null)) {
            assertThat(target.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
            assertThat(target.describe().details()).containsEntry("owned_by", "vllm");
            ScenarioRequest request = new ScenarioRequest(scenario, PromptSet.ciris().render(scenario),
                    Targets.generation(TargetKind.OPENAI, target.model(), 7, 100));
            List<Reply> replies = target.evaluate(new Batch(List.of(request), Instant.now().plusSeconds(30)));
            assertThat(replies).singleElement().satisfies(r -> {
                assertThat(r.text()).isEqualTo("Reasonable.");
                assertThat(r.completionTokens()).isEqualTo(3);
            });
        }
        RecordedRequest models = server.takeRequest();
        assertThat(models.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-key");
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("temperature").asDouble(-1)).isEqualTo(0.0);
        assertThat(body.path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void refusesAModelTheServerDoesNotList() {
        answer(200, MODELS);
        assertThatThrownBy(() -> open("openai/gpt-4o")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("model 'gpt-4o' is not served").hasMessageContaining("Qwen/Qwen2.5-7B-Instruct");
    }

    @Test
    void theSimulatorBehindTheOpenAiApiIsLabelledSimulated() {
        try (Simulator sim = Simulator.start(SimulatorSettings.builder().build());
                OpenTarget target = Targets.open(TargetConfig.builder(TargetKind.OPENAI)
                        .url(sim.baseUri().resolve("v1").toString()).http(Samples.quickHttp()).build(), List.of())) {
            assertThat(target.describe().simulated()).isTrue();
        }
        answer(200, MODELS);
        try (OpenTarget target = open(null)) {
            assertThat(target.describe().simulated()).isFalse();
        }
    }

    @Test
    void trustsTheModelWhenTheServerListsNone() {
        answer(404, "{\"detail\":\"Not Found\"}");
        try (OpenTarget target = open("my-model")) {
            assertThat(target.model()).isEqualTo("my-model");
        }
    }
}
