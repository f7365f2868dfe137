package io.github.rngops.he300.client.http;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {
    private static final int IN_FLIGHT = 64;

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @Test
    void keeps64RequestsInFlightToOneHost() throws Exception {
        CountDownLatch allArrived = new CountDownLatch(IN_FLIGHT);
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                allArrived.countDown();
                boolean together = allArrived.await(20, TimeUnit.SECONDS);
                waiting.decrementAndGet();
                return new MockResponse.Builder().code(together ? 200 : 500).body("{}").build();
            }
        });
        TestHttp test = new TestHttp();
        ExecutorService callers = Executors.newFixedThreadPool(IN_FLIGHT);
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().readTimeout(java.time.Duration.ofSeconds(30))
                        .callTimeout(java.time.Duration.ofSeconds(40)).build()).build()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                results.add(callers.submit(() -> http.execute(
                        ApiRequest.post("/api/chat", java.util.Map.of("i", 1))
                                .withIdempotency(Idempotency.IDEMPOTENT)).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostWaiting).hasValue(IN_FLIGHT);
        assertThat(server.getRequestCount()).isEqualTo(IN_FLIGHT);
    }

    @Test
    void defaultsAllow64PerHost() {
        HttpSettings defaults = HttpSettings.ofDefaults();
        assertThat(defaults.maxRequestsPerHost()).isGreaterThanOrEqualTo(64);
        assertThat(defaults.maxRequests()).isGreaterThanOrEqualTo(defaults.maxRequestsPerHost());
    }
}
