package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
            // The clock stands still, so the breaker never half-opens: the call waits out its 5 minutes, then says so.
            assertThat(open.getMessage()).startsWith("GET /health → circuit open for " + server.url("/")
                    + " after 4 failures in 4 attempts; still open after waiting ")
                    .endsWith("; next try in 30 s (last failure: GET /health → 502: bad gateway)");
            assertThat(open.getCause()).isInstanceOf(ClientException.class);
            assertThat(((ClientException) open.getCause()).status()).isEqualTo(502);
            assertThat(open.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(open.attempts()).isZero();
            Duration waited = test.waits.stream().reduce(Duration.ZERO, Duration::plus);
            assertThat(waited).isLessThanOrEqualTo(Duration.ofMinutes(5)).isGreaterThan(Duration.ofMinutes(4));
            assertThat(test.waits).allSatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(30),
                    Duration.ofSeconds(36)));
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aCallTheOpenBreakerTurnsAwayWaitsForItToCloseAndIsSentThen() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
        }
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        MovingClock clock = new MovingClock();
        HttpSettings settings = test.settings().retry(RetrySettings.none()).clock(clock)
                .sleeper(d -> clock.now = clock.now.plus(d))
                .circuitBreaker(CircuitBreakerSettings.builder().slidingWindowSize(4).minimumCalls(4)
                        .openDuration(Duration.ofSeconds(30)).build())
                .build();
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString()).settings(settings)
                .build()) {
            for (int i = 0; i < 4; i++) {
                assertThat(catchThrowableOfType(ClientException.class, () -> http.execute(ApiRequest.get("/health")))
                        .status()).isEqualTo(500);
            }
            ApiResponse answer = http.execute(ApiRequest.get("/health"));

            assertThat(answer.body()).isEqualTo("ok");
            assertThat(answer.attempts()).isEqualTo(1);
            assertThat(Duration.between(TestHttp.NOW, clock.now)).isBetween(Duration.ofSeconds(30),
                    Duration.ofSeconds(36));
        }
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    /** A clock the sleeper moves, so that the breaker's open time passes without sleeping. */
    private static final class MovingClock extends Clock {
        volatile Instant now = TestHttp.NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
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
