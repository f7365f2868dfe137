package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Awaitility.await;

import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import io.github.rngops.he300.core.Scenario;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Generation slots: at most {@code parallel} at once, the rest queued in arrival order, overflow turned away. */
class SlotsTest {

    static final String MODEL = SimulatorSettings.DEFAULT_MODEL;

    /** Not the common pool: on a two-core machine it runs one task at a time. */
    static final ExecutorService CLIENTS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "slots-test-client");
        thread.setDaemon(true);
        return thread;
    });

    static List<Scenario> scenarios() {
        return TestData.sample().scenarios();
    }

    /** The most intervals [started, finished) that overlap at one instant. */
    static int maxOverlap(List<RequestRecord> records) {
        List<Instant[]> events = new ArrayList<>();
        records.forEach(r -> {
            events.add(new Instant[] {r.started(), Instant.MAX});
            events.add(new Instant[] {r.finished(), Instant.MIN});
        });
        events.sort(Comparator.<Instant[], Instant>comparing(e -> e[0]).thenComparing(e -> e[1] == Instant.MAX));
        int now = 0;
        int max = 0;
        for (Instant[] event : events) {
            now += event[1] == Instant.MAX ? 1 : -1;
            max = Math.max(max, now);
        }
        return max;
    }

    @Test
    void twoSlotsServeSixRequestsInThreeRounds() throws Exception {
        SimulatorSettings settings = SimulatorSettings.of(scenarios()).toBuilder()
                .parallel(2).latency(Latency.fixed(Duration.ofMillis(200))).build();
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (Scenario scenario : scenarios().subList(0, 6)) {
                    responses.add(clients.submit(() -> http.post("api/generate", Http.generate(MODEL, scenario))));
                }
                for (Future<HttpResponse<String>> response : responses) {
                    assertThat(response.get().statusCode()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            List<RequestRecord> records = sim.log().generations();
            assertThat(records).hasSize(6).allMatch(r -> r.outcome() == Outcome.ANSWERED);
            assertThat(sim.log().peakGenerating()).isEqualTo(2);
            assertThat(maxOverlap(records)).isEqualTo(2);
            Instant first = records.stream().map(RequestRecord::started).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = records.stream().map(RequestRecord::finished).max(Comparator.naturalOrder()).orElseThrow();
            assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(590));
            assertThat(records.stream().filter(r -> r.queued().compareTo(Duration.ofMillis(150)) > 0).count())
                    .isGreaterThanOrEqualTo(3);
            // The slot is released just after the answer is written, so a client can see it a moment before.
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.log().generating() == 0);
            assertThat(sim.log().waiting()).isZero();
        }
    }

    @Test
    void waitingRequestsTakeTheSlotInArrivalOrder() throws Exception {
        SimulatorSettings settings = SimulatorSettings.of(scenarios()).toBuilder()
                .parallel(1).latency(Latency.fixed(Duration.ofMillis(300))).build();
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Scenario scenario = scenarios().get(i);
                int expectedWaiting = i == 0 ? 0 : i;
                responses.add(CompletableFuture.supplyAsync(() -> post(http, scenario), CLIENTS));
                // the next request is sent only once this one holds the slot or waits for it
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                        .until(() -> sim.log().generating() == 1 && sim.log().waiting() == expectedWaiting);
            }
            responses.forEach(CompletableFuture::join);
            List<RequestRecord> records = sim.log().generations();
            List<Long> bySlotOrder = records.stream().sorted(Comparator.comparing(RequestRecord::started))
                    .map(RequestRecord::sequence).toList();
            assertThat(bySlotOrder).isSorted();
            assertThat(sim.log().peakGenerating()).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueTurnsTheNextRequestAwayWith503() throws Exception {
        SimulatorSettings settings = SimulatorSettings.of(scenarios()).toBuilder()
                .parallel(1).maxQueue(1).latency(Latency.fixed(Duration.ofMillis(400))).build();
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
                    () -> post(http, scenarios().get(0)), CLIENTS);
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.log().generating() == 1);
            CompletableFuture<HttpResponse<String>> queued = CompletableFuture.supplyAsync(
                    () -> post(http, scenarios().get(1)), CLIENTS);
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.log().waiting() == 1);

            HttpResponse<String> refused = post(http, scenarios().get(2));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Http.parse(refused.body()).get("error").asText())
                    .isEqualTo("server busy, please try again.  maximum pending requests exceeded");
            assertThat(running.join().statusCode()).isEqualTo(200);
            assertThat(queued.join().statusCode()).isEqualTo(200);
            assertThat(sim.log().generations()).extracting(RequestRecord::outcome)
                    .containsExactlyInAnyOrder(Outcome.ANSWERED, Outcome.ANSWERED, Outcome.BUSY);
        }
    }

    @Test
    void otherEndpointsDoNotWaitForASlot() throws Exception {
        SimulatorSettings settings = SimulatorSettings.of(scenarios()).toBuilder()
                .parallel(1).latency(Latency.fixed(Duration.ofMillis(500))).build();
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
                    () -> post(http, scenarios().get(0)), CLIENTS);
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.log().generating() == 1);
            long start = System.nanoTime();
            assertThat(http.get("api/tags").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
            assertThat(running.join().statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> post(Http http, Scenario scenario) {
        try {
            return http.post("api/generate", Http.generate(MODEL, scenario));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
