package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetryTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    record Version(String version) {
    }

    private HttpTransport http(HttpSettings settings) {
        return HttpTransport.builder().baseUrl(server.url("/").toString()).settings(settings).build();
    }

    private HttpTransport http() {
        return http(test.settings().build());
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body("{\"version\":\"0.6.0\"}").build();
    }

    private static MockResponse status(int code, String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body("{\"error\":\"busy\"}");
        return (retryAfter == null ? b : b.setHeader("Retry-After", retryAfter)).build();
    }

    @Test
    void retriesAfterRetryAfterSeconds() {
        server.enqueue(status(429, "7"));
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            assertThat(http.call(ApiRequest.get("/api/version"), Version.class).version()).isEqualTo("0.6.0");
        }
        assertThat(test.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesAfterRetryAfterHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(TestHttp.NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.enqueue(status(503, date));
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            http.call(ApiRequest.get("/api/version"), Version.class);
        }
        assertThat(test.waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void boundsRetryAfterByItsMaximum() {
        server.enqueue(status(429, "3600"));
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            http.call(ApiRequest.get("/api/version"), Version.class);
        }
        assertThat(test.waits).containsExactly(RetrySettings.ofDefaults().maxRetryAfter());
    }

    @Test
    void backsOffExponentiallyThenNamesTheAttemptsWhen503Persists() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("{\"detail\":\"queue full\"}").build());
        }
        ClientException e;
        try (HttpTransport http = http()) {
            e = catchThrowableOfType(ClientException.class, () -> http.execute(ApiRequest.get("/api/tags")));
        }
        assertThat(e.getMessage()).isEqualTo("GET /api/tags → 503: queue full (after 4 attempts)");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.kind()).isEqualTo(ClientException.Kind.STATUS);
        assertThat(test.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void jitterDrawsWithinItsFraction() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(502, null));
        }
        HttpSettings settings = test.settings().retry(RetrySettings.builder().jitter(0.5).build()).build();
        try (HttpTransport http = http(settings)) {
            catchThrowableOfType(ClientException.class, () -> http.execute(ApiRequest.get("/api/tags")));
        }
        assertThat(test.waits).hasSize(3);
        assertThat(test.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(test.waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void retriesOllamasRestartingRunnerAndCountsTheAttempts() {
        // Ollama's 500 for a runner process that died (OOM): the next request gets a fresh runner.
        server.enqueue(new MockResponse.Builder().code(500)
                .body("{\"error\":\"llama runner process has terminated: signal: killed\"}").build());
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"model runner has unexpectedly stopped,"
                + " this may be due to resource limitations or an internal error\"}").build());
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            ApiResponse answer = http.execute(ApiRequest.post("/api/generate", java.util.Map.of("model", "m"))
                    .withIdempotency(Idempotency.IDEMPOTENT));
            assertThat(answer.attempted(Version.class)).isEqualTo(new Attempted<>(new Version("0.6.0"), 3));
        }
        assertThat(test.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void neverRetriesAnyOther500() {
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"template: bad template\"}").build());
        try (HttpTransport http = http()) {
            ClientException e = catchThrowableOfType(ClientException.class, () -> http.execute(
                    ApiRequest.post("/api/generate", java.util.Map.of()).withIdempotency(Idempotency.IDEMPOTENT)));
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void neverRetriesOther4xx() {
        for (int code : new int[] {400, 401, 403, 404, 409, 422}) {
            server.enqueue(status(code, "1"));
        }
        try (HttpTransport http = http()) {
            for (int code : new int[] {400, 401, 403, 404, 409, 422}) {
                ClientException e = catchThrowableOfType(ClientException.class,
                        () -> http.execute(ApiRequest.get("/x")));
                assertThat(e.status()).isEqualTo(code);
                assertThat(e.attempts()).isEqualTo(1);
            }
        }
        assertThat(test.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void retriesAConnectionResetMidResponse() {
        server.enqueue(new MockResponse.Builder().body("{\"version\":\"0.1.0-and-a-long-tail-of-bytes\"}")
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            assertThat(http.call(ApiRequest.get("/api/version"), Version.class).version()).isEqualTo("0.6.0");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(test.waits).hasSize(1);
    }

    @Test
    void retriesATimeout() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(ok());
        HttpSettings settings = test.settings().readTimeout(Duration.ofMillis(200)).build();
        try (HttpTransport http = http(settings)) {
            assertThat(http.call(ApiRequest.get("/api/version"), Version.class).version()).isEqualTo("0.6.0");
        }
        assertThat(test.waits).hasSize(1);
    }

    @Test
    void reportsATimeoutAsSuch() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        HttpSettings settings = test.settings().readTimeout(Duration.ofMillis(200))
                .retry(RetrySettings.none()).build();
        try (HttpTransport http = http(settings)) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/api/version")));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.TIMEOUT);
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).startsWith("GET /api/version → timed out: ");
        }
    }

    @Test
    void neverReplaysANonIdempotentPostThatReachedTheServer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.post("/api/v1/benchmarks/run", java.util.Map.of("n", 1))));
            assertThat(e.kind()).isIn(ClientException.Kind.IO, ClientException.Kind.TIMEOUT);
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(test.waits).isEmpty();
    }

    @Test
    void neverRetriesANonIdempotentPostOn503() {
        server.enqueue(status(503, "1"));
        try (HttpTransport http = http()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.post("/run", java.util.Map.of())));
            assertThat(e.status()).isEqualTo(503);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAnIdempotentPostThatReachedTheServer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());
        try (HttpTransport http = http()) {
            http.execute(ApiRequest.post("/api/generate", java.util.Map.of("model", "m"))
                    .withIdempotency(Idempotency.IDEMPOTENT));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesANonIdempotentPostWhenTheConnectionWasRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (MockWebServer late = new MockWebServer()) {
            late.enqueue(new MockResponse.Builder().body("{\"job_id\":\"he300-0123456789ab\"}").build());
            HttpSettings settings = test.settings().sleeper(d -> {
                test.waits.add(d);
                if (!late.getStarted()) {
                    try {
                        late.start(InetAddress.getLoopbackAddress(), port);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).build();
            try (HttpTransport http = HttpTransport.builder().baseUrl("http://127.0.0.1:" + port)
                    .settings(settings).build()) {
                ApiResponse r = http.execute(ApiRequest.post("/api/v1/benchmarks/run", java.util.Map.of()));
                assertThat(r.body()).contains("he300-0123456789ab");
            }
            assertThat(late.getRequestCount()).isEqualTo(1);
            assertThat(test.waits).hasSize(1);
        }
    }

    @Test
    void reportsARefusedConnectionAfterItsAttempts() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (HttpTransport http = HttpTransport.builder().baseUrl("http://127.0.0.1:" + port)
                .settings(test.settings().build()).build()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/api/tags")));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.CONNECT);
            assertThat(e.attempts()).isEqualTo(4);
            assertThat(e.getMessage()).startsWith("GET /api/tags → connection failed: ").endsWith("(after 4 attempts)");
        }
    }

    @Test
    void startsNoRetryThatWouldEndPastTheTotalTime() {
        server.enqueue(status(503, "90"));
        server.enqueue(ok());
        HttpSettings settings = test.settings()
                .retry(RetrySettings.builder().jitter(0).maxTotalTime(Duration.ofMinutes(1)).build()).build();
        try (HttpTransport http = http(settings)) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/api/tags")));
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
        }
        assertThat(test.waits).isEmpty();
    }
}
