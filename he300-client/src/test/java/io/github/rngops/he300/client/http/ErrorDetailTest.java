package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ErrorDetailTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private ClientException fail(ApiRequest request, MockResponse response) {
        server.enqueue(response);
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().retry(RetrySettings.none()).build()).build()) {
            return catchThrowableOfType(ClientException.class, () -> http.execute(request));
        }
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    @Test
    void takesFastApisDetail() {
        ClientException e = fail(ApiRequest.get("/api/v1/benchmarks/status/he300-abc"),
                answer(404, "{\"detail\":\"Benchmark job not found\"}"));
        assertThat(e.getMessage()).isEqualTo("GET /api/v1/benchmarks/status/he300-abc → 404: Benchmark job not found");
        assertThat(e.detail()).isEqualTo("Benchmark job not found");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/api/v1/benchmarks/status/he300-abc");
    }

    @Test
    void summarisesFastApisValidationList() {
        String body = "{\"detail\":[{\"type\":\"too_long\",\"loc\":[\"body\",\"scenarios\"],"
                + "\"msg\":\"List should have at most 50 items after validation, not 51\",\"input\":[]},"
                + "{\"type\":\"missing\",\"loc\":[\"body\",\"batch_id\"],\"msg\":\"Field required\",\"input\":{}}]}";
        ClientException e = fail(ApiRequest.post("/he300/batch", Map.of()), answer(422, body));
        assertThat(e.detail()).isEqualTo("body.scenarios: List should have at most 50 items after validation, "
                + "not 51 (too_long); body.batch_id: Field required (missing)");
        assertThat(e.status()).isEqualTo(422);
    }

    @Test
    void takesOllamasError() {
        ClientException e = fail(ApiRequest.post("/api/generate", Map.of("model", "x")),
                answer(404, "{\"error\":\"model 'x' not found\"}"));
        assertThat(e.getMessage()).isEqualTo("POST /api/generate → 404: model 'x' not found");
    }

    @Test
    void takesOpenAisErrorMessage() {
        ClientException e = fail(ApiRequest.get("/v1/models"),
                answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));
        assertThat(e.detail()).isEqualTo("Incorrect API key provided");
    }

    @Test
    void takesAPlainTextBody() {
        ClientException e = fail(ApiRequest.get("/api/v1/health"),
                new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
                        .body("Internal Server Error\n\nTraceback ...").build());
        assertThat(e.getMessage()).isEqualTo("GET /api/v1/health → 500: Internal Server Error");
    }

    @Test
    void fallsBackToTheReasonPhraseForAnEmptyBody() {
        ClientException e = fail(ApiRequest.get("/x"), new MockResponse.Builder().code(500).build());
        assertThat(e.detail()).isEqualTo("Server Error");
    }

    @Test
    void keepsTheBodyExcerptShort() {
        ClientException e = fail(ApiRequest.get("/x"), answer(400, "x".repeat(5000)));
        assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(200).startsWith("xxx");
        assertThat(e.getMessage()).hasSizeLessThan(400);
    }

    @Test
    void leavesTheQueryOutOfThePath() {
        ClientException e = fail(ApiRequest.get("/he300/catalog").withQuery("category", "nope"),
                answer(422, "{\"detail\":\"bad category\"}"));
        assertThat(e.path()).isEqualTo("/he300/catalog");
        assertThat(server.url("/").toString()).isNotEmpty();
    }

    @Test
    void followsNoRedirectAndSaysWhereItPointed() {
        ClientException e = fail(ApiRequest.get("/health"),
                new MockResponse.Builder().code(307).setHeader("Location", "http://elsewhere:9/health").build());
        assertThat(e.status()).isEqualTo(307);
        assertThat(e.detail()).contains("http://elsewhere:9/health");
    }

    @Test
    void reportsA2xxThatIsNotTheExpectedJson() {
        server.enqueue(answer(200, "<html>proxy login</html>"));
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().build()).build()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.call(ApiRequest.get("/api/version"), Map.class));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.PROTOCOL);
            assertThat(e.getMessage()).startsWith("GET /api/version → bad answer: answer 200 is not JSON (line 1,")
                    .doesNotContain("Map");
        }
    }
}
