package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SecretsTest {
    private static final String API_KEY = "sk-live-7f3a9c2e11d04b";
    private static final String PASSWORD = "hunter2-correct-horse";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private HttpTransport http(Auth auth) {
        return HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().retry(RetrySettings.none()).build()).auth(auth).build();
    }

    private static void assertClean(String text) {
        assertThat(text).doesNotContain(API_KEY).doesNotContain(PASSWORD).doesNotContain("eyJhbGciOi");
    }

    @Test
    void keepsTheApiKeyOutOfLogsAndErrorsEvenWhenTheServerEchoesIt() {
        server.enqueue(new MockResponse.Builder().code(422).body("{\"detail\":[{\"type\":\"string_type\","
                + "\"loc\":[\"header\",\"x-api-key\"],\"msg\":\"bad key " + API_KEY + "\",\"input\":\"" + API_KEY
                + "\"}]}").build());
        TestHttp.Captured<ClientException> run = TestHttp.capturingLog(() -> {
            try (HttpTransport http = http(Auth.bearer(API_KEY))) {
                return catchThrowableOfType(ClientException.class,
                        () -> http.execute(ApiRequest.get("/v1/models").withQuery("limit", "5")));
            }
        });
        ClientException e = run.value();
        assertThat(run.log()).contains("GET ").contains("/v1/models → 422");
        assertClean(run.log());
        assertClean(e.getMessage());
        assertClean(e.detail());
        assertClean(e.bodyExcerpt());
        assertThat(e.detail()).contains("***");
    }

    @Test
    void keepsAPasswordAndTokensOutOfLogsAndErrors() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"detail\":\"Incorrect username or password\","
                + "\"echo\":\"username=alice&password=" + PASSWORD + "\",\"access_token\":\"eyJhbGciOiJIUzI1NiJ9.x.y\"}")
                .build());
        TestHttp.Captured<ClientException> run = TestHttp.capturingLog(() -> {
            try (HttpTransport http = http(Auth.none())) {
                return catchThrowableOfType(ClientException.class, () -> http.execute(
                        ApiRequest.postForm("/auth/token", Map.of("username", "alice", "password", PASSWORD))));
            }
        });
        ClientException e = run.value();
        assertThat(e.getMessage()).isEqualTo("POST /auth/token → 401: Incorrect username or password");
        assertClean(run.log());
        assertClean(e.bodyExcerpt());
        assertThat(e.bodyExcerpt()).contains("username=alice");
    }

    @Test
    void keepsTokenSourceTokensOutOfErrors() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig";
        server.enqueue(new MockResponse.Builder().code(401).body("{\"detail\":\"Invalid token " + jwt + "\"}").build());
        server.enqueue(new MockResponse.Builder().code(401).body("{\"detail\":\"Invalid token " + jwt + "\"}").build());
        TokenSource source = new TokenSource() {
            @Override
            public String token() {
                return jwt;
            }

            @Override
            public String renew(String rejected) {
                return jwt;
            }
        };
        TestHttp.Captured<ClientException> run = TestHttp.capturingLog(() -> {
            try (HttpTransport http = http(Auth.tokenSource(source))) {
                return catchThrowableOfType(ClientException.class, () -> http.execute(ApiRequest.get("/x")));
            }
        });
        assertClean(run.value().getMessage());
        assertClean(run.log());
    }

    @Test
    void printsRequestsWithoutBodiesOrHeaders() {
        ApiRequest request = ApiRequest.postForm("/auth/token", Map.of("password", PASSWORD))
                .withHeader("X-API-Key", API_KEY);
        assertThat(request).hasToString("POST /auth/token");
    }
}
