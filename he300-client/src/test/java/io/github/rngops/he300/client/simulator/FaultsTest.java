package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.PromptSet;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Each injected fault, as a client sees it. */
class FaultsTest {

    static final String MODEL = SimulatorSettings.DEFAULT_MODEL;

    static Scenario scenario() {
        return TestData.sample().scenarios().get(0);
    }

    static Simulator start(Fault fault) {
        return Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultAt(1, fault).build());
    }

    static String streamed(Scenario scenario) {
        return Http.generate(MODEL, scenario).put("stream", true).toString();
    }

    static String openAi(Scenario scenario, boolean stream) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Http.JSON.createObjectNode().put("model", MODEL)
                .put("stream", stream);
        body.putArray("messages").addObject().put("role", "user")
                .put("content", PromptSet.ciris().render(scenario).user());
        return body.toString();
    }

    @Test
    void tooManyRequestsCarriesRetryAfterThenTheNextRequestIsAnswered() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultAt(1, Fault.TOO_MANY_REQUESTS).faultAt(3, Fault.TOO_MANY_REQUESTS)
                .retryAfter(Duration.ofSeconds(3)).build())) {
            Http http = new Http(sim);
            HttpResponse<String> limited = http.post("api/generate", Http.generate(MODEL, scenario()));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(Http.parse(limited.body()).get("error").asText()).isNotBlank();

            assertThat(http.post("api/generate", Http.generate(MODEL, scenario())).statusCode()).isEqualTo(200);

            HttpResponse<String> openAi = http.post("v1/chat/completions", openAi(scenario(), false));
            assertThat(openAi.statusCode()).isEqualTo(429);
            assertThat(openAi.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(Http.parse(openAi.body()).get("error").get("type").asText()).isEqualTo("rate_limit_error");

            assertThat(sim.log().generations()).extracting(RequestRecord::outcome)
                    .containsExactly(Outcome.FAULT, Outcome.ANSWERED, Outcome.FAULT);
            assertThat(sim.log().generations().get(0).injected()).hasValue(Fault.TOO_MANY_REQUESTS);
        }
    }

    @Test
    void faultsThatStrikeBeforeASlotStillNameTheScenarioInTheLog() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultAt(1, Fault.TOO_MANY_REQUESTS).faultAt(2, Fault.SERVICE_UNAVAILABLE)
                .faultAt(3, Fault.CONNECTION_RESET).build())) {
            Http http = new Http(sim);
            assertThat(http.post("api/generate", Http.generate(MODEL, scenario())).statusCode()).isEqualTo(429);
            assertThat(http.post("api/generate", Http.generate(MODEL, scenario())).statusCode()).isEqualTo(503);
            assertThatThrownBy(() -> http.post("api/generate", Http.generate(MODEL, scenario())))
                    .isInstanceOf(IOException.class);
            assertThat(http.post("api/generate", Http.generate(MODEL, scenario())).statusCode()).isEqualTo(200);
            assertThat(sim.log().generations()).extracting(RequestRecord::scenarioId)
                    .containsOnly(scenario().id()).hasSize(4);
            assertThat(sim.log().generations()).extracting(RequestRecord::fault).containsExactly(
                    Fault.TOO_MANY_REQUESTS, Fault.SERVICE_UNAVAILABLE, Fault.CONNECTION_RESET, null);
        }
    }

    @Test
    void retryAfterDefaultsToOneSecond() throws Exception {
        try (Simulator sim = start(Fault.TOO_MANY_REQUESTS)) {
            HttpResponse<String> limited = new Http(sim).post("api/chat", Http.chat(MODEL, scenario()));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void serviceUnavailableIs503WithOllamasBusyBody() throws Exception {
        try (Simulator sim = start(Fault.SERVICE_UNAVAILABLE)) {
            HttpResponse<String> response = new Http(sim).post("api/generate", Http.generate(MODEL, scenario()));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Http.parse(response.body()).get("error").asText()).startsWith("server busy");
        }
    }

    @Test
    void connectionResetIsAnIoErrorOnTheClient() throws Exception {
        try (Simulator sim = start(Fault.CONNECTION_RESET)) {
            Http http = new Http(sim);
            assertThatThrownBy(() -> http.post("api/generate", Http.generate(MODEL, scenario())))
                    .isInstanceOf(IOException.class);
            assertThat(http.post("api/generate", Http.generate(MODEL, scenario())).statusCode()).isEqualTo(200);
            RequestRecord reset = sim.log().generations().get(0);
            assertThat(reset.injected()).hasValue(Fault.CONNECTION_RESET);
            assertThat(reset.status()).isZero();
        }
    }

    @Test
    void connectionResetIsAnIoErrorForOkHttpToo() throws Exception {
        try (Simulator sim = start(Fault.CONNECTION_RESET)) {
            OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            Request request = new Request.Builder().url(sim.baseUri().resolve("api/generate").toString())
                    .post(RequestBody.create(Http.generate(MODEL, scenario()).toString(),
                            MediaType.get("application/json")))
                    .build();
            try {
                assertThatThrownBy(() -> client.newCall(request).execute().close()).isInstanceOf(IOException.class);
            } finally {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    @Test
    void aSlowAnswerOutlastsTheClientsTimeout() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultAt(1, Fault.SLOW).slowDelay(Duration.ofSeconds(2)).build())) {
            Http http = new Http(sim);
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.post("api/generate", Http.generate(MODEL, scenario()).toString(),
                    Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aSlowAnswerStillComesForAPatientClient() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultAt(1, Fault.SLOW).slowDelay(Duration.ofMillis(300)).build())) {
            long start = System.nanoTime();
            HttpResponse<String> response = new Http(sim).post("api/generate", Http.generate(MODEL, scenario()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(sim.log().generations().get(0).answer()).isNotNull();
        }
    }

    @Test
    void aBrokenStreamEndsWithAnErrorLineAfter200() throws Exception {
        try (Simulator sim = start(Fault.STREAM_ERROR)) {
            HttpResponse<String> response = new Http(sim).post("api/generate", streamed(scenario()));
            assertThat(response.statusCode()).isEqualTo(200);
            List<JsonNode> lines = Http.lines(response.body());
            assertThat(lines.size()).isGreaterThanOrEqualTo(2);
            assertThat(lines.get(lines.size() - 1).get("error").asText()).isNotBlank();
            assertThat(lines).noneMatch(l -> l.path("done").asBoolean());
        }
    }

    @Test
    void aBrokenStreamOnOpenAiIsAnErrorEventWithoutDone() throws Exception {
        try (Simulator sim = start(Fault.STREAM_ERROR)) {
            HttpResponse<String> response = new Http(sim).post("v1/chat/completions", openAi(scenario(), true));
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> events = response.body().lines().filter(l -> !l.isEmpty()).toList();
            assertThat(Http.parse(events.get(events.size() - 1).substring(6)).get("error").get("message").asText())
                    .isNotBlank();
            assertThat(events).doesNotContain("data: [DONE]");
        }
    }

    @Test
    void aStreamErrorOnAnUnstreamedRequestIs500() throws Exception {
        try (Simulator sim = start(Fault.STREAM_ERROR)) {
            HttpResponse<String> response = new Http(sim).post("api/generate", Http.generate(MODEL, scenario()));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(Http.parse(response.body()).get("error").asText()).contains("error");
        }
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() throws Exception {
        try (Simulator sim = start(Fault.MALFORMED_JSON)) {
            HttpResponse<String> response = new Http(sim).post("api/generate", Http.generate(MODEL, scenario()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void malformedJsonInAStreamIsALineThatDoesNotParse() throws Exception {
        try (Simulator sim = start(Fault.MALFORMED_JSON)) {
            HttpResponse<String> response = new Http(sim).post("api/chat",
                    Http.chat(MODEL, scenario()).put("stream", true).toString());
            List<String> lines = response.body().lines().toList();
            assertThatThrownBy(() -> Http.JSON.readTree(lines.get(lines.size() - 1)))
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void faultRatesAreHonouredAndRepeatWithTheSeed() throws Exception {
        SimulatorSettings settings = SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .faultRate(Fault.TOO_MANY_REQUESTS, 0.2).faultRate(Fault.SERVICE_UNAVAILABLE, 0.1).build();
        List<Integer> first = statuses(settings, 400);
        List<Integer> again = statuses(settings, 400);
        List<Integer> otherSeed = statuses(settings.toBuilder().seed(43).build(), 400);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.stream().filter(s -> s == 429).count() / 400.0).isCloseTo(0.2, within(0.05));
        assertThat(first.stream().filter(s -> s == 503).count() / 400.0).isCloseTo(0.1, within(0.04));
        assertThat(first.stream().filter(s -> s == 200).count() / 400.0).isCloseTo(0.7, within(0.06));
    }

    private static List<Integer> statuses(SimulatorSettings settings, int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            List<Scenario> scenarios = TestData.sample().scenarios();
            for (int i = 0; i < count; i++) {
                statuses.add(http.post("api/generate", Http.generate(MODEL, scenarios.get(i % scenarios.size())))
                        .statusCode());
            }
        }
        return statuses;
    }
}
