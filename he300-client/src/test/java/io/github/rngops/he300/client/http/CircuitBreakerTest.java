package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CircuitBreakerTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private HttpTransport http() {
        HttpSettings settings = test.settings().retry(RetrySettings.none())
                .circuitBreaker(CircuitBreakerSettings.builder().slidingWindowSize(4).minimumCalls(4)
                        .openDuration(Duration.ofSeconds(30)).build())
                .build();
        return HttpTransport.builder().baseUrl(server.url("/").toString()).settings(settings).build();
    }

    @Test
    void opensAfterRepeatedServerFailuresAndSaysWhen() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
        }
        try (HttpTransport http = http()) {
            for (int i = 0; i < 4; i++) {
                assertThat(catchThrowableOfType(ClientException.class, () -> http.execute(ApiRequest.get("/health")))
                        .status()).isEqualTo(502);
            }
            ClientException open = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/health")));
            assertThat(open.kind()).isEqualTo(ClientException.Kind.CIRCUIT_OPEN);
            assertThat(open.getMessage()).isEqualTo("GET /health → circuit open for " + server.url("/")
                    + " after 4 failures; retrying in 30 s");
            assertThat(open.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(open.attempts()).isZero();
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void clientErrorsDoNotOpenIt() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(404).body("{\"detail\":\"Benchmark job not found\"}")
                    .build());
        }
        try (HttpTransport http = http()) {
            for (int i = 0; i < 6; i++) {
                assertThat(catchThrowableOfType(ClientException.class,
                        () -> http.execute(ApiRequest.get("/status/x"))).status()).isEqualTo(404);
            }
        }
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void stopsRetryingOnceItOpens() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        HttpSettings settings = test.settings().retry(RetrySettings.builder().jitter(0).maxAttempts(6).build())
                .circuitBreaker(CircuitBreakerSettings.builder().slidingWindowSize(3).minimumCalls(3).build())
                .build();
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString()).settings(settings)
                .build()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/api/tags")));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.CIRCUIT_OPEN);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
