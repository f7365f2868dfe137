package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import io.github.rngops.he300.core.Scenario;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of every endpoint, as Ollama and OpenAI clients read them. */
class SimulatorEndpointsTest {

    static final String MODEL = "llama3.2:3b";

    static Simulator sim;
    static Http http;
    static Scenario scenario;

    @BeforeAll
    static void start() {
        List<Scenario> truth = TestData.sample().scenarios();
        scenario = truth.get(0);
        sim = Simulator.start(SimulatorSettings.of(truth).toBuilder()
                .models(List.of(new SimulatedModel(MODEL, "3.2B", "Q4_K_M"), SimulatedModel.of("qwen2.5:7b-q8_0")))
                .build());
        http = new Http(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        assertThat(sim.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sim.port() + "/");
        assertThat(sim.port()).isPositive();
    }

    @Test
    void rootSaysOllamaIsRunning() throws Exception {
        HttpResponse<String> response = http.get("");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Ollama is running");
    }

    @Test
    void versionSaysSimulator() throws Exception {
        JsonNode version = Http.parse(http.get("api/version").body());
        assertThat(version.get("version").asText()).contains("simulator");
    }

    @Test
    void tagsListEveryModelWithDigestAndDetails() throws Exception {
        JsonNode models = Http.parse(http.get("api/tags").body()).get("models");
        assertThat(models).hasSize(2);
        JsonNode first = models.get(0);
        assertThat(first.get("name").asText()).isEqualTo(MODEL);
        assertThat(first.get("model").asText()).isEqualTo(MODEL);
        assertThat(first.get("digest").asText()).matches("[0-9a-f]{64}");
        assertThat(first.get("size").asLong()).isPositive();
        assertThat(first.get("modified_at").asText()).isNotBlank();
        JsonNode details = first.get("details");
        assertThat(details.get("family").asText()).isEqualTo("simulator");
        assertThat(details.get("format").asText()).isEqualTo("gguf");
        assertThat(details.get("parameter_size").asText()).isEqualTo("3.2B");
        assertThat(details.get("quantization_level").asText()).isEqualTo("Q4_K_M");
        assertThat(models.get(1).get("name").asText()).isEqualTo("qwen2.5:7b-q8_0");
    }

    @Test
    void showDescribesAKnownModelAndA404ForAnUnknownOne() throws Exception {
        HttpResponse<String> known = http.post("api/show", "{\"model\":\"" + MODEL + "\"}");
        assertThat(known.statusCode()).isEqualTo(200);
        JsonNode body = Http.parse(known.body());
        assertThat(body.get("modelfile").asText()).contains("simulator");
        assertThat(body.has("parameters")).isTrue();
        assertThat(body.has("template")).isTrue();
        assertThat(body.get("details").get("quantization_level").asText()).isEqualTo("Q4_K_M");
        assertThat(body.get("model_info").get("general.architecture").asText()).isEqualTo("simulator");

        HttpResponse<String> unknown = http.post("api/show", "{\"model\":\"nope:1b\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.parse(unknown.body()).get("error").asText()).isEqualTo("model 'nope:1b' not found");
    }

    @Test
    void aNameWithoutTagMeansLatest() throws Exception {
        try (Simulator other = Simulator.start(SimulatorSettings.of(List.of()).toBuilder().models("mistral").build())) {
            Http client = new Http(other);
            assertThat(client.post("api/show", "{\"model\":\"mistral\"}").statusCode()).isEqualTo(200);
            assertThat(client.post("api/show", "{\"name\":\"mistral:latest\"}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void psListsAModelOnceUsed() throws Exception {
        http.post("api/generate", Http.generate("qwen2.5:7b-q8_0", scenario));
        JsonNode models = Http.parse(http.get("api/ps").body()).get("models");
        assertThat(models.findValuesAsText("name")).contains("qwen2.5:7b-q8_0");
        JsonNode entry = models.get(0);
        assertThat(entry.get("size_vram").asLong()).isEqualTo(entry.get("size").asLong());
        assertThat(entry.get("expires_at").asText()).isNotBlank();
        assertThat(entry.get("digest").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void pullStreamsProgressToSuccess() throws Exception {
        HttpResponse<String> response = http.post("api/pull", "{\"model\":\"" + MODEL + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = Http.lines(response.body());
        assertThat(lines.get(0).get("status").asText()).isEqualTo("pulling manifest");
        JsonNode progress = lines.get(2);
        assertThat(progress.get("status").asText()).startsWith("pulling ");
        assertThat(progress.get("digest").asText()).startsWith("sha256:");
        assertThat(progress.get("total").asLong()).isPositive();
        assertThat(progress.get("completed").asLong()).isBetween(1L, progress.get("total").asLong());
        assertThat(lines.subList(lines.size() - 3, lines.size())).extracting(l -> l.get("status").asText())
                .containsExactly("verifying sha256 digest", "writing manifest", "success");
        assertThat(lines).noneMatch(l -> l.has("error"));
    }

    @Test
    void pullOfAnUnknownModelFailsAsOllamaDoes() throws Exception {
        HttpResponse<String> streamed = http.post("api/pull", "{\"model\":\"nope:1b\"}");
        assertThat(streamed.statusCode()).isEqualTo(200);
        List<JsonNode> lines = Http.lines(streamed.body());
        assertThat(lines.get(lines.size() - 1).get("error").asText()).contains("file does not exist");

        HttpResponse<String> whole = http.post("api/pull", "{\"model\":\"nope:1b\",\"stream\":false}");
        assertThat(whole.statusCode()).isEqualTo(500);
        assertThat(Http.parse(whole.body()).get("error").asText()).contains("file does not exist");
    }

    @Test
    void aPullableModelIsServedOnlyOnceItIsPulled() throws Exception {
        try (Simulator lacking = Simulator.start(SimulatorSettings.of(List.of(scenario)).toBuilder()
                .pullable("mistral:7b").build())) {
            Http client = new Http(lacking);
            assertThat(client.post("api/show", "{\"model\":\"mistral:7b\"}").statusCode()).isEqualTo(404);
            assertThat(client.post("api/generate", Http.generate("mistral:7b", scenario)).statusCode()).isEqualTo(404);

            List<JsonNode> lines = Http.lines(client.post("api/pull", "{\"model\":\"mistral:7b\"}").body());
            assertThat(lines).extracting(l -> l.path("status").asText()).contains("success");

            assertThat(Http.parse(client.get("api/tags").body()).get("models").findValuesAsText("name"))
                    .contains("mistral:7b");
            assertThat(client.post("api/generate", Http.generate("mistral:7b", scenario)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void generateAnswersWithOllamasFields() throws Exception {
        HttpResponse<String> response = http.post("api/generate", Http.generate(MODEL, scenario));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/json"));
        JsonNode body = Http.parse(response.body());
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("created_at").asText()).isNotBlank();
        assertThat(body.get("response").asText()).isNotBlank();
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("done_reason").asText()).isEqualTo("stop");
        for (String field : List.of("total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration",
                "eval_count", "eval_duration")) {
            assertThat(body.get(field).asLong()).as(field).isPositive();
        }
        assertThat(body.get("total_duration").asLong()).isGreaterThanOrEqualTo(
                body.get("load_duration").asLong() + body.get("prompt_eval_duration").asLong()
                        + body.get("eval_duration").asLong());
    }

    @Test
    void chatAnswersWithAnAssistantMessage() throws Exception {
        JsonNode body = Http.parse(http.post("api/chat", Http.chat(MODEL, scenario)).body());
        assertThat(body.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(body.get("message").get("content").asText()).isEqualTo(http.answer(MODEL, scenario));
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("eval_count").asInt()).isPositive();
        assertThat(body.has("response")).isFalse();
    }

    @Test
    void generateStreamsByDefaultAsNdjsonEndingDone() throws Exception {
        ObjectNode request = Http.generate(MODEL, scenario);
        request.remove("stream");
        HttpResponse<String> response = http.post("api/generate", request);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = Http.lines(response.body());
        assertThat(lines.size()).isGreaterThanOrEqualTo(2);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l.get("done").asBoolean()).isFalse());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("eval_count").asInt()).isEqualTo(lines.size() - 1);
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.get("response").asText()));
        assertThat(text.toString()).isEqualTo(http.answer(MODEL, scenario));
    }

    @Test
    void chatStreamsWhenAsked() throws Exception {
        ObjectNode request = Http.chat(MODEL, scenario).put("stream", true);
        List<JsonNode> lines = Http.lines(http.post("api/chat", request).body());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("done_reason").asText()).isEqualTo("stop");
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.get("message").get("content").asText()));
        assertThat(text.toString()).isEqualTo(http.answer(MODEL, scenario));
    }

    @Test
    void aRequestWithoutPromptOnlyLoadsTheModel() throws Exception {
        JsonNode body = Http.parse(http.post("api/generate", "{\"model\":\"" + MODEL + "\",\"stream\":false}").body());
        assertThat(body.get("done_reason").asText()).isEqualTo("load");
        assertThat(body.get("response").asText()).isEmpty();
    }

    @Test
    void openAiChatCompletionHasChoicesAndUsage() throws Exception {
        ObjectNode request = Http.JSON.createObjectNode().put("model", MODEL).put("temperature", 0);
        request.putArray("messages").addObject().put("role", "user")
                .put("content", io.github.rngops.he300.core.prompt.PromptSet.ciris().render(scenario).user());
        HttpResponse<String> response = http.post("v1/chat/completions", request);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.parse(response.body());
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).isEqualTo(http.answer(MODEL, scenario));
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
    }

    @Test
    void openAiStreamsServerSentEventsEndingDone() throws Exception {
        ObjectNode request = Http.JSON.createObjectNode().put("model", MODEL).put("stream", true);
        request.putArray("messages").addObject().put("role", "user")
                .put("content", io.github.rngops.he300.core.prompt.PromptSet.ciris().render(scenario).user());
        HttpResponse<String> response = http.post("v1/chat/completions", request);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> events = response.body().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(events).allMatch(e -> e.startsWith("data: "));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        JsonNode last = Http.parse(events.get(events.size() - 2).substring(6));
        assertThat(last.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void openAiModelsListsEveryModel() throws Exception {
        JsonNode body = Http.parse(http.get("v1/models").body());
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data").findValuesAsText("id")).containsExactly(MODEL, "qwen2.5:7b-q8_0");
    }

    @Test
    void unknownModelIs404InEachApisShape() throws Exception {
        HttpResponse<String> generate = http.post("api/generate", Http.generate("nope:1b", scenario));
        assertThat(generate.statusCode()).isEqualTo(404);
        assertThat(Http.parse(generate.body()).get("error").asText())
                .isEqualTo("model \"nope:1b\" not found, try pulling it first");

        HttpResponse<String> chat = http.post("api/chat", Http.chat("nope:1b", scenario));
        assertThat(chat.statusCode()).isEqualTo(404);
        assertThat(Http.parse(chat.body()).get("error").asText()).contains("not found");

        HttpResponse<String> openAi = http.post("v1/chat/completions",
                "{\"model\":\"nope:1b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(openAi.statusCode()).isEqualTo(404);
        JsonNode error = Http.parse(openAi.body()).get("error");
        assertThat(error.get("message").asText()).contains("nope:1b");
        assertThat(error.get("type").asText()).isEqualTo("not_found_error");
        assertThat(sim.log().entries()).anySatisfy(r -> {
            assertThat(r.model()).isEqualTo("nope:1b");
            assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        });
    }

    @Test
    void badBodiesAre400AndUnknownPaths404() throws Exception {
        HttpResponse<String> notJson = http.post("api/generate", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Http.parse(notJson.body()).get("error").asText()).isNotBlank();
        assertThat(http.post("api/generate", "{\"prompt\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(http.post("api/chat", "{\"model\":\"" + MODEL + "\",\"options\":3}").statusCode()).isEqualTo(400);
        assertThat(http.post("v1/chat/completions", "{\"model\":\"" + MODEL + "\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = http.get("api/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("404 page not found");
    }
}
