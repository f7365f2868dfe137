package io.github.rngops.he300.client.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.TestHttp;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class OllamaClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private OllamaClient client() {
        return OllamaClient.builder().baseUrl(server.url("/").toString()).settings(test.settings().build()).build();
    }

    private void answer(String json) {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json).build());
    }

    private JsonNode sentBody(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().utf8());
    }

    @Test
    void knowsWhenOllamaIsRunning() throws IOException {
        server.enqueue(new MockResponse.Builder().body("Ollama is running").build());
        try (OllamaClient ollama = client()) {
            assertThat(ollama.isRunning()).isTrue();
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (OllamaClient nothing = OllamaClient.builder().baseUrl("http://127.0.0.1:" + port)
                .settings(test.settings().build()).build()) {
            assertThat(nothing.isRunning()).isFalse();
        }
    }

    @Test
    void readsTheVersion() throws InterruptedException {
        answer("{\"version\":\"0.6.5\"}");
        try (OllamaClient ollama = client()) {
            assertThat(ollama.version()).isEqualTo("0.6.5");
        }
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/version");
    }

    @Test
    void listsLocalModels() {
        answer("{\"models\":[{\"name\":\"llama3.2:3b\",\"model\":\"llama3.2:3b\",\"modified_at\":\"2025-01-01T00:00:00Z\","
                + "\"size\":2019393189,\"digest\":\"a80c4f17acd5\",\"details\":{\"format\":\"gguf\",\"family\":\"llama\","
                + "\"parameter_size\":\"3.2B\",\"quantization_level\":\"Q4_K_M\"},\"new_field\":1}]}");
        try (OllamaClient ollama = client()) {
            List<LocalModel> models = ollama.tags();
            assertThat(models).hasSize(1);
            LocalModel m = models.get(0);
            assertThat(m.name()).isEqualTo("llama3.2:3b");
            assertThat(m.size()).isEqualTo(2019393189L);
            assertThat(m.details().parameterSize()).isEqualTo("3.2B");
            assertThat(m.details().quantizationLevel()).isEqualTo("Q4_K_M");
        }
    }

    @Test
    void showsAModel() throws Exception {
        answer("{\"modelfile\":\"FROM x\",\"parameters\":\"stop <eot>\",\"template\":\"{{ .Prompt }}\","
                + "\"details\":{\"family\":\"llama\"},\"model_info\":{\"general.architecture\":\"llama\"}}");
        try (OllamaClient ollama = client()) {
            ModelDescription d = ollama.show("llama3.2:3b");
            assertThat(d.modelInfo().get("general.architecture").asText()).isEqualTo("llama");
            assertThat(d.details().family()).isEqualTo("llama");
        }
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sentBody(sent).get("model").asText()).isEqualTo("llama3.2:3b");
    }

    @Test
    void reportsAMissingModelInOllamasWords() {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"model 'x' not found\"}").build());
        try (OllamaClient ollama = client()) {
            ClientException e = catchThrowableOfType(ClientException.class, () -> ollama.show("x"));
            assertThat(e.getMessage()).isEqualTo("POST /api/show → 404: model 'x' not found");
        }
    }

    @Test
    void listsRunningModelsAndWhetherTheyFitTheGpu() {
        answer("{\"models\":[{\"name\":\"a\",\"size\":100,\"size_vram\":100,\"expires_at\":\"2026-01-01T00:05:00Z\"},"
                + "{\"name\":\"b\",\"size\":100,\"size_vram\":40}]}");
        try (OllamaClient ollama = client()) {
            List<RunningModel> running = ollama.ps();
            assertThat(running).extracting(RunningModel::fullyOnGpu).containsExactly(true, false);
            assertThat(running.get(0).expiresAt()).isEqualTo("2026-01-01T00:05:00Z");
        }
    }

    @Test
    void generatesWithOptionsNestedNeverTopLevel() throws Exception {
        answer("{\"model\":\"m\",\"created_at\":\"t\",\"response\":\"Unethical\",\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":5000000000,\"load_duration\":1000000,\"prompt_eval_count\":40,"
                + "\"prompt_eval_duration\":200000000,\"eval_count\":50,\"eval_duration\":2000000000}");
        Options options = Options.builder().temperature(0).seed(42).numPredict(16).numCtx(4096).topK(40).topP(0.9)
                .stop(List.of("\n")).build();
        GenerateResponse r;
        try (OllamaClient ollama = client()) {
            r = ollama.generate(GenerateRequest.of("m", "Is it wrong?").withSystem("Answer briefly.")
                    .withOptions(options).withKeepAlive("5m"));
        }
        assertThat(r.response()).isEqualTo("Unethical");
        assertThat(r.doneReason()).isEqualTo("stop");
        assertThat(r.tokensPerSecond().getAsDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(r.total().toMillis()).isEqualTo(5000);
        JsonNode body = sentBody(server.takeRequest());
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.get("system").asText()).isEqualTo("Answer briefly.");
        assertThat(body.get("keep_alive").asText()).isEqualTo("5m");
        JsonNode sentOptions = body.get("options");
        assertThat(sentOptions.get("temperature").asDouble()).isZero();
        assertThat(sentOptions.get("seed").asInt()).isEqualTo(42);
        assertThat(sentOptions.get("num_predict").asInt()).isEqualTo(16);
        assertThat(sentOptions.get("num_ctx").asInt()).isEqualTo(4096);
        assertThat(sentOptions.get("top_k").asInt()).isEqualTo(40);
        assertThat(sentOptions.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sentOptions.get("stop").get(0).asText()).isEqualTo("\n");
        for (String name : List.of("temperature", "seed", "num_predict", "num_ctx", "top_k", "top_p", "stop")) {
            assertThat(body.has(name)).as("top-level %s", name).isFalse();
        }
        assertThat(body.has("format")).isFalse();
    }

    @Test
    void chatsWithOptionsNested() throws Exception {
        answer("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Ethical\"},\"done\":true,"
                + "\"eval_count\":10,\"eval_duration\":500000000}");
        ChatResponse r;
        try (OllamaClient ollama = client()) {
            r = ollama.chat(ChatRequest.of("m", Message.system("Be brief."), Message.user("Is it ok?"))
                    .withOptions(Options.builder().temperature(0.2).seed(7).build())
                    .withFormat(JSON.getNodeFactory().textNode("json")));
        }
        assertThat(r.content()).isEqualTo("Ethical");
        assertThat(r.tokensPerSecond().getAsDouble()).isCloseTo(20.0, within(1e-9));
        JsonNode body = sentBody(server.takeRequest());
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Is it ok?");
        assertThat(body.get("options").get("seed").asInt()).isEqualTo(7);
        assertThat(body.has("seed")).isFalse();
        assertThat(body.get("format").asText()).isEqualTo("json");
        assertThat(body.get("stream").asBoolean(true)).isFalse();
    }

    @Test
    void streamsAChatChunkByChunk() throws Exception {
        answer("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Un\"},\"done\":false}\n"
                + "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"ethical\"},\"done\":false}\n"
                + "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"stop\",\"eval_count\":2,\"eval_duration\":100000000}\n");
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse whole;
        try (OllamaClient ollama = client()) {
            whole = ollama.chatStream(ChatRequest.of("m", Message.user("?")), chunks::add);
        }
        assertThat(chunks).extracting(ChatChunk::content).containsExactly("Un", "ethical", "");
        assertThat(whole.content()).isEqualTo("Unethical");
        assertThat(whole.doneReason()).isEqualTo("stop");
        assertThat(whole.tokensPerSecond().getAsDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(sentBody(server.takeRequest()).get("stream").asBoolean()).isTrue();
    }

    @Test
    void pullsWithProgress() throws Exception {
        answer("{\"status\":\"pulling manifest\"}\n"
                + "{\"status\":\"pulling a80c4f17acd5\",\"digest\":\"sha256:a80c4f17acd5\",\"total\":2000}\n"
                + "{\"status\":\"pulling a80c4f17acd5\",\"digest\":\"sha256:a80c4f17acd5\",\"total\":2000,\"completed\":1000}\n"
                + "{\"status\":\"verifying sha256 digest\"}\n{\"status\":\"writing manifest\"}\n{\"status\":\"success\"}\n");
        List<PullProgress> progress = new ArrayList<>();
        try (OllamaClient ollama = client()) {
            ollama.pull("llama3.2:3b", progress::add);
        }
        assertThat(progress).hasSize(6);
        assertThat(progress.get(1).fraction()).isEmpty();
        assertThat(progress.get(2).fraction().getAsDouble()).isEqualTo(0.5);
        assertThat(progress.get(5).isSuccess()).isTrue();
        JsonNode body = sentBody(server.takeRequest());
        assertThat(body.get("model").asText()).isEqualTo("llama3.2:3b");
        assertThat(body.get("stream").asBoolean()).isTrue();
    }

    @Test
    void failsAPullWhoseStreamReportsAnErrorAfter200() {
        answer("{\"status\":\"pulling manifest\"}\n{\"error\":\"pull model manifest: file does not exist\"}\n");
        List<PullProgress> progress = new ArrayList<>();
        try (OllamaClient ollama = client()) {
            ClientException e = catchThrowableOfType(ClientException.class, () -> ollama.pull("nope", progress::add));
            assertThat(e.detail()).isEqualTo("pull model manifest: file does not exist");
            assertThat(e.getMessage()).contains("POST /api/pull → 200, then error");
        }
        assertThat(progress).hasSize(1);
    }

    @Test
    void failsAPullThatEndsWithoutSuccess() {
        answer("{\"status\":\"pulling manifest\"}\n");
        try (OllamaClient ollama = client()) {
            assertThatThrownBy(() -> ollama.pull("m", p -> { }))
                    .isInstanceOf(ClientException.class).hasMessageContaining("call again to resume");
        }
    }

    @Test
    void deletesAModel() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (OllamaClient ollama = client()) {
            ollama.delete("old:latest");
        }
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("DELETE");
        assertThat(sent.getTarget()).isEqualTo("/api/delete");
        assertThat(sentBody(sent).get("model").asText()).isEqualTo("old:latest");
    }

    @Test
    void retriesAGenerationWhenTheQueueIsFull() {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"server busy, please try again\"}")
                .build());
        answer("{\"response\":\"ok\",\"done\":true}");
        try (OllamaClient ollama = client()) {
            assertThat(ollama.generate(GenerateRequest.of("m", "p")).response()).isEqualTo("ok");
        }
        assertThat(test.waits).hasSize(1);
    }

    @Test
    void refusesBadArgumentsAtOnce() {
        assertThatThrownBy(() -> GenerateRequest.of(" ", "p")).hasMessageContaining("model must be");
        assertThatThrownBy(() -> Options.builder().temperature(-1)).hasMessage("temperature must be 0..2, was -1.0");
        assertThatThrownBy(() -> OllamaClient.builder().baseUrl("ftp://x")).hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> ChatRequest.of("m")).hasMessageContaining("at least one message");
    }
}
