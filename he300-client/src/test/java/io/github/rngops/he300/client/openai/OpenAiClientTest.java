package io.github.rngops.he300.client.openai;

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
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Unethical\"},"
            + "\"finish_reason\":\"stop\",\"logprobs\":null}],"
            + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":3,\"total_tokens\":33}}";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private OpenAiClient.Builder client(String suffix) {
        return OpenAiClient.builder().baseUrl(server.url(suffix).toString()).settings(test.settings().build());
    }

    private JsonNode sentBody(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().utf8());
    }

    @Test
    void completesAChatWithEverySamplingSetting() throws Exception {
        server.enqueue(new MockResponse.Builder().body(COMPLETION).build());
        ChatCompletion c;
        try (OpenAiClient openai = client("/").apiKey("sk-local-abc").build()) {
            c = openai.chatCompletion(ChatCompletionRequest.of("qwen", ChatMessage.system("Answer in one word."),
                    ChatMessage.user("Is lying wrong?")).withTemperature(0).withMaxTokens(8).withSeed(42)
                    .withStop(List.of("\n")));
        }
        assertThat(c.content()).isEqualTo("Unethical");
        assertThat(c.finishReason()).isEqualTo("stop");
        assertThat(c.usage().totalTokens()).isEqualTo(33);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-local-abc");
        JsonNode body = sentBody(sent);
        assertThat(body.get("model").asText()).isEqualTo("qwen");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.get("seed").asInt()).isEqualTo(42);
        assertThat(body.get("stop").get(0).asText()).isEqualTo("\n");
    }

    @Test
    void canSendMaxCompletionTokensInstead() throws Exception {
        server.enqueue(new MockResponse.Builder().body(COMPLETION).build());
        try (OpenAiClient openai = client("/").maxCompletionTokens(true).build()) {
            openai.chatCompletion(ChatCompletionRequest.of("m", ChatMessage.user("?")).withMaxTokens(5));
        }
        JsonNode body = sentBody(server.takeRequest());
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(5);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"object\":\"list\",\"data\":[]}").build());
        try (OpenAiClient openai = client("/").build()) {
            assertThat(openai.models()).isEmpty();
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void listsModels() {
        server.enqueue(new MockResponse.Builder().body("{\"object\":\"list\",\"data\":[{\"id\":\"qwen\",\"object\":"
                + "\"model\",\"created\":1700000000,\"owned_by\":\"vllm\",\"max_model_len\":32768}]}").build());
        try (OpenAiClient openai = client("/").build()) {
            assertThat(openai.models()).containsExactly(new ModelEntry("qwen", "model", 1700000000L, "vllm"));
        }
    }

    @Test
    void acceptsTheBaseUrlWithOrWithoutV1() throws Exception {
        for (String suffix : List.of("/", "/v1", "/v1/")) {
            server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());
            try (OpenAiClient openai = client(suffix).build()) {
                openai.models();
                assertThat(openai.baseUrl().encodedPath()).isEqualTo("/");
            }
            assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/models");
        }
        assertThat(OpenAiClient.normaliseBaseUrl("https://api.example.com/openai/v1"))
                .isEqualTo("https://api.example.com/openai/");
    }

    @Test
    void waitsAsARateLimitSaysThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build());
        server.enqueue(new MockResponse.Builder().body(COMPLETION).build());
        try (OpenAiClient openai = client("/v1").build()) {
            assertThat(openai.chatCompletion(ChatCompletionRequest.of("m", ChatMessage.user("?"))).content())
                    .isEqualTo("Unethical");
        }
        assertThat(test.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void reportsTheServersErrorMessage() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"object\":\"error\",\"message\":"
                + "\"This model's maximum context length is 4096 tokens\",\"type\":\"BadRequestError\",\"code\":400}")
                .build());
        try (OpenAiClient openai = client("/").apiKey("sk-hidden-123").build()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> openai.chatCompletion(ChatCompletionRequest.of("m", ChatMessage.user("?"))));
            assertThat(e.getMessage()).isEqualTo(
                    "POST /v1/chat/completions → 400: This model's maximum context length is 4096 tokens");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnAnswerWithoutChoices() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"x\",\"choices\":[]}").build());
        try (OpenAiClient openai = client("/").build()) {
            assertThatThrownBy(() -> openai.chatCompletion(ChatCompletionRequest.of("m", ChatMessage.user("?"))))
                    .isInstanceOf(ClientException.class).hasMessageContaining("no choices");
        }
    }

    @Test
    void refusesBadArgumentsAtOnce() {
        assertThatThrownBy(() -> OpenAiClient.builder().build()).hasMessageContaining("baseUrl is required");
        assertThatThrownBy(() -> ChatCompletionRequest.of("m", ChatMessage.user("?")).withTemperature(3))
                .hasMessage("temperature must be 0..2, was 3.0");
        assertThatThrownBy(() -> OpenAiClient.builder().apiKey("")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> OpenAiClient.builder().baseUrl("http://user:pw@host:8000"))
                .hasMessageNotContaining("pw").hasMessageContaining("user name or password");
    }
}
