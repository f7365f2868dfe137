package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.cli.HealthCheck.Service;
import io.github.rngops.he300.cli.HealthCheck.Status;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.He300Exception;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final HealthCheck check = HealthCheck.create(Duration.ofSeconds(2));

    private void answer(String json) {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(json).build());
    }

    @Test
    void ollamaShowsItsVersionAndModels() {
        try (Simulator sim = Simulator.start(SimulatorSettings.builder().models("llama3.2:3b", "qwen2.5:7b").build())) {
            Status status = check.check(Service.OLLAMA, sim.baseUri().toString());
            assertThat(status.up()).isTrue();
            assertThat(status.version()).contains("simulator");
            assertThat(status.models()).containsExactly("llama3.2:3b", "qwen2.5:7b");
            assertThat(status.line()).startsWith("ok    ollama").contains("models: llama3.2:3b, qwen2.5:7b");
        }
    }

    @Test
    void cirisNodeAndEthicsEngineShowTheirVersionsAndHe300Subsystems() {
        answer("{\"status\":\"ok\",\"version\":1,\"pubkey\":\"dummy-pubkey\",\"message\":\"CIRISNode is healthy\","
                + "\"build\":42}");
        answer("{\"status\":\"healthy\",\"eee_enabled\":false}");
        Status node = check.check(Service.CIRISNODE, server.url("/").toString());
        assertThat(node.up()).isTrue();
        assertThat(node.line()).contains("version api 1 build 42").contains("eee_enabled=false");
        answer("{\"status\":\"healthy\",\"version\":\"0.1.0\"}");
        answer("{\"status\":\"healthy\",\"datasets_available\":true,\"total_scenarios_loaded\":7500,"
                + "\"categories_available\":[\"justice\"]}");
        Status engine = check.check(Service.ETHICSENGINE, server.url("/").toString());
        assertThat(engine.up()).isTrue();
        assertThat(engine.line()).contains("version 0.1.0").contains("7500 scenarios");
    }

    @Test
    void aServiceThatIsNotThereIsDownWithTheReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Status status = check.check(Service.CIRISNODE, "http://127.0.0.1:" + port);
        assertThat(status.up()).isFalse();
        assertThat(status.line()).startsWith("DOWN  cirisnode").contains("connection failed");
        JsonNode json = JSON.readTree(HealthCheck.json(List.of(status)));
        assertThat(json.path("healthy").asBoolean(true)).isFalse();
        assertThat(json.path("services").get(0).path("service").asText()).isEqualTo("cirisnode");
    }

    @Test
    void postsAnAlertNamingWhatIsDown() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<Status> statuses = List.of(new Status(Service.OLLAMA, "http://gpu:11434", true, "0.6.5", List.of(), ""),
                new Status(Service.ETHICSENGINE, "http://gpu:8080", false, null, List.of(), "connection failed"));
        assertThat(check.alert(HealthCheck.webhook(server.url("/hooks/x").toString()), statuses, "runner-1"))
                .isEmpty();
        RecordedRequest posted = server.takeRequest();
        assertThat(posted.getMethod()).isEqualTo("POST");
        assertThat(posted.getUrl().encodedPath()).isEqualTo("/hooks/x");
        JsonNode body = JSON.readTree(posted.getBody().utf8());
        assertThat(body.path("text").asText()).isEqualTo("he300 health-check on runner-1: ethicsengine down");
        assertThat(body.path("healthy").asBoolean(true)).isFalse();
        assertThat(body.path("services")).hasSize(2);
    }

    @Test
    void aFailingWebhookIsAWarningWithTheReason() throws Exception {
        List<Status> statuses = List.of(new Status(Service.OLLAMA, "http://gpu:11434", false, null, List.of(), "x"));
        server.enqueue(new MockResponse.Builder().code(500).body("hook is broken").build());
        assertThat(check.alert(HealthCheck.webhook(server.url("/hooks/x").toString()), statuses, "runner-1"))
                .hasValueSatisfying(w -> assertThat(w).contains("answered 500: hook is broken"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(check.alert(HealthCheck.webhook("http://127.0.0.1:" + port + "/hook"), statuses, "runner-1"))
                .hasValueSatisfying(w -> assertThat(w).startsWith("cannot connect to the alert webhook 127.0.0.1:"
                        + port + ": ").endsWith("connection refused"));
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlIsBadUsage() {
        assertThatThrownBy(() -> HealthCheck.webhook("notaurl")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("--alert-webhook must be an http or https URL");
        assertThatThrownBy(() -> HealthCheck.webhook("http://")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("--alert-webhook");
    }

    @Test
    void aUrlThatIsNotAUrlIsRefusedNamingItsFlagOrVariable() {
        assertThatThrownBy(() -> Service.OLLAMA.url("notaurl", Map.of())).isInstanceOf(He300Exception.class)
                .hasMessageStartingWith("--ollama-url must be an http(s) URL");
        assertThatThrownBy(() -> Service.CIRISNODE.url(null, Map.of("CIRISNODE_URL", "http://")))
                .isInstanceOf(He300Exception.class).hasMessageStartingWith("$CIRISNODE_URL must be an http(s) URL");
    }

    @Test
    void choosesServicesAndUrls() {
        assertThat(Service.select(null, null)).containsExactly(Service.values());
        assertThat(Service.select(List.of("ollama"), null)).containsExactly(Service.OLLAMA);
        assertThat(Service.select(null, List.of("cirisnode"))).containsExactly(Service.ETHICSENGINE, Service.OLLAMA);
        assertThatThrownBy(() -> Service.select(List.of("ollama"), List.of("cirisnode")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> Service.select(List.of("redis"), null)).hasMessageContaining("unknown service");
        assertThat(Service.CIRISNODE.url(null, Map.of("CIRISNODE_URL", "http://node:8000")))
                .isEqualTo("http://node:8000");
        assertThat(Service.OLLAMA.url("http://flag:1", Map.of("OLLAMA_URL", "http://env:2"))).isEqualTo("http://flag:1");
        assertThat(Service.ETHICSENGINE.url(null, Map.of())).isEqualTo("http://127.0.0.1:8080");
    }
}
