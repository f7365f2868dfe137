package io.github.rngops.he300.client.ethicsengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EthicsEngineClientTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private FakeEthicsEngine fake(FakeEthicsEngine.Version version, int perCategory) {
        FakeEthicsEngine fake = new FakeEthicsEngine(version, perCategory);
        server.setDispatcher(fake);
        return fake;
    }

    private EthicsEngineClient.Builder client() {
        return EthicsEngineClient.builder().baseUrl(server.url("/").toString())
                .http(HttpSettings.builder().retry(RetrySettings.none()).build());
    }

    static List<Scenario> scenarios(int n) {
        List<Category> all = Category.all();
        List<Scenario> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Category c = all.get(i % all.size());
            list.add(new Scenario(Scenario.idFor(c, i), c, "Scenario text " + i, i % 2));
        }
        return list;
    }

    @ParameterizedTest
    @EnumSource(FakeEthicsEngine.Version.class)
    void readsHealthOfBothVersions(FakeEthicsEngine.Version version) {
        fake(version, 3);
        try (EthicsEngineClient client = client().build()) {
            assertThat(client.health()).isEqualTo(new EngineHealth("healthy", "0.1.0"));
            assertThat(client.health().healthy()).isTrue();
            He300Health he300 = client.he300Health();
            assertThat(he300.healthy()).isTrue();
            assertThat(he300.totalScenariosLoaded()).isEqualTo(15);
            assertThat(he300.categoriesAvailable()).contains("commonsense_hard", "virtue");
        }
    }

    @Test
    void readsOnePageOfTheCatalogWithItsFilter() throws Exception {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 10);
        try (EthicsEngineClient client = client().build()) {
            CatalogPage page = client.catalog(Category.JUSTICE, 4, 2);
            assertThat(page.totalScenarios()).isEqualTo(10);
            assertThat(page.byCategory()).containsEntry("virtue", 10L);
            assertThat(page.scenarios()).extracting(CatalogScenario::scenarioId)
                    .containsExactly("HE-JU-0003", "HE-JU-0004", "HE-JU-0005", "HE-JU-0006");
            assertThat(page.scenarios().get(0).category()).isEqualTo("justice");
        }
        assertThat(fake.paths).containsExactly("GET /he300/catalog?category=justice&limit=4&offset=2");
    }

    @Test
    void pagesThroughTheWholeCatalog() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.HE300_API, 45);
        try (EthicsEngineClient client = client().catalogPageSize(20).build()) {
            assertThat(client.catalogAll(null)).hasSize(225);
            assertThat(client.catalogAll(Category.COMMONSENSE_HARD)).hasSize(45)
                    .allMatch(s -> s.category().equals("commonsense_hard"));
        }
        assertThat(fake.paths).filteredOn(p -> p.contains("commonsense_hard")).hasSize(3);
    }

    @Test
    void catalogIdsCollideAcrossTheCommonsenseFiles() {
        fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            assertThat(client.catalogAll(null)).filteredOn(s -> s.scenarioId().equals("HE-CO-0001")).hasSize(2);
        }
    }

    @Test
    void readsOneScenario() {
        fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            CatalogScenario s = client.scenario("HE-VI-0002");
            assertThat(s.category()).isEqualTo("virtue");
            assertThat(s.expectedLabel()).isZero();
            assertThat(s.sourceFile()).isEqualTo("virtue/virtue_test.csv");
        }
    }

    @Test
    void unknownScenarioIsAClientExceptionWithTheServersDetail() {
        fake(FakeEthicsEngine.Version.HE300_API, 2);
        try (EthicsEngineClient client = client().build()) {
            assertThatThrownBy(() -> client.scenario("HE-XX-9999")).isInstanceOfSatisfying(ClientException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.detail()).isEqualTo("Scenario 'HE-XX-9999' not found");
                        assertThat(e.getMessage()).contains("Scenario 'HE-XX-9999' not found");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(FakeEthicsEngine.Version.class)
    void sendsProjectIdsNeutralProfilesAndAGeneratedBatchId(FakeEthicsEngine.Version version) {
        FakeEthicsEngine fake = fake(version, 2);
        List<Scenario> batch = scenarios(10);
        try (EthicsEngineClient client = client().build()) {
            BatchResult result = client.batch(batch);
            assertThat(result.status()).isEqualTo("completed");
            assertThat(result.results()).hasSize(10).allMatch(ScenarioResult::answered)
                    .allMatch(ScenarioResult::isCorrect);
            assertThat(result.results()).extracting(ScenarioResult::scenarioId)
                    .containsExactlyElementsOf(batch.stream().map(Scenario::id).toList());
            assertThat(result.summary().accuracy()).isEqualTo(1.0);
            assertThat(result.failures()).isEmpty();
        }
        JsonNode sent = fake.batches.get(0);
        assertThat(sent.get("batch_id").asText()).isNotBlank();
        assertThat(sent.get("identity_id").asText()).isEqualTo("Neutral");
        assertThat(sent.get("guidance_id").asText()).isEqualTo("Neutral");
        assertThat(sent.has("model_name")).isFalse();
        JsonNode first = sent.get("scenarios").get(0);
        assertThat(first.get("scenario_id").asText()).isEqualTo("hendrycks_ethics:cm_test:00000");
        assertThat(first.get("category").asText()).isEqualTo("commonsense");
        assertThat(first.get("input_text").asText()).isEqualTo("Scenario text 0");
        assertThat(first.get("expected_label").asInt()).isZero();
        assertThat(sent.get("scenarios").get(1).get("category").asText()).isEqualTo("commonsense_hard");
    }

    @Test
    void batchIdsDifferBetweenBatches() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            client.batch(scenarios(1));
            client.batch(scenarios(1));
        }
        assertThat(fake.batches.get(0).get("batch_id")).isNotEqualTo(fake.batches.get(1).get("batch_id"));
    }

    @Test
    void sendsTheRequestsOwnSettings() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().identity("Neutral", "Neutral").modelName("llama3.2:3b").build()) {
            BatchResult result = client.batch(BatchRequest.of(scenarios(2)).withBatchId("run-7-batch-1")
                    .withModelName("qwen2.5:7b"));
            assertThat(result.batchId()).isEqualTo("run-7-batch-1");
        }
        JsonNode sent = fake.batches.get(0);
        assertThat(sent.get("batch_id").asText()).isEqualTo("run-7-batch-1");
        assertThat(sent.get("model_name").asText()).isEqualTo("qwen2.5:7b");
    }

    @Test
    void modelNameFromTheBuilderIsSentByDefault() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().modelName("llama3.2:3b").build()) {
            client.batch(scenarios(1));
        }
        assertThat(fake.batches.get(0).get("model_name").asText()).isEqualTo("llama3.2:3b");
    }

    @Test
    void profilesThatDoNotExistFailEveryScenario() {
        fake(FakeEthicsEngine.Version.HE300_API, 2);
        try (EthicsEngineClient client = client().identity("default_assistant", "default_ethical_guidance").build()) {
            BatchResult result = client.batch(scenarios(3));
            assertThat(result.status()).isEqualTo("error");
            assertThat(result.failures()).hasSize(3)
                    .allMatch(r -> r.error().equals("Required identity or guidance not found"));
        }
    }

    @Test
    void refusesFiftyOneScenariosWithoutSendingAnything() {
        fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            assertThatThrownBy(() -> client.batch(scenarios(51)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 50").hasMessageContaining("51");
            assertThatThrownBy(() -> client.batch(List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void acceptsExactlyFifty() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            assertThat(client.batch(scenarios(50)).results()).hasSize(50);
        }
        assertThat(fake.batches).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(FakeEthicsEngine.Version.class)
    void reportsLlmUnavailableAsAnErrorNotAVerdict(FakeEthicsEngine.Version version) {
        FakeEthicsEngine fake = fake(version, 2);
        fake.llmConfigured = false;
        try (EthicsEngineClient client = client().build()) {
            BatchResult result = client.batch(scenarios(4));
            assertThat(result.llmUnavailable()).isTrue();
            assertThat(result.failures()).hasSize(4);
            ScenarioResult first = result.results().get(0);
            assertThat(first.llmUnavailable()).isTrue();
            assertThat(first.answered()).isFalse();
            assertThat(first.predictedLabel()).isNull();
            assertThat(first.isCorrect()).isFalse();
            assertThat(first.error()).contains("no LLM configured");
            // the server itself called it a success
            assertThat(result.status()).isEqualTo("completed");
        }
    }

    @Test
    void theHe300ApiVersionAsksEthicalOrUnethicalInEveryCategory() {
        fake(FakeEthicsEngine.Version.HE300_API, 2);
        try (EthicsEngineClient client = client().build()) {
            BatchResult result = client.batch(scenarios(5));
            assertThat(result.results()).allMatch(r -> r.modelResponse().contains("ETHICAL"));
            assertThat(result.results()).allMatch(r -> r.confidence() == null && r.traceId() == null);
        }
    }

    @Test
    void theNewestVersionAsksPerCategory() {
        fake(FakeEthicsEngine.Version.NEWEST, 2);
        try (EthicsEngineClient client = client().build()) {
            BatchResult result = client.batch(scenarios(5));
            assertThat(result.results().get(4).modelResponse()).startsWith("CONTRADICTS");
            assertThat(result.results().get(2).modelResponse()).startsWith("UNREASONABLE");
            assertThat(result.results()).allMatch(r -> r.confidence() != null && r.traceId() != null);
        }
    }

    @Test
    void authenticatesWithABearerToken() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        fake.requiredKey = "eee-secret-key";
        try (EthicsEngineClient client = client().auth(Auth.bearer("eee-secret-key")).build()) {
            assertThat(client.he300Health().healthy()).isTrue();
            assertThat(client.batch(scenarios(1)).results()).hasSize(1);
        }
    }

    @Test
    void authenticatesWithAnApiKey() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        fake.requiredKey = "eee-secret-key";
        try (EthicsEngineClient client = client().auth(Auth.apiKey("eee-secret-key")).build()) {
            assertThat(client.catalog(null, 1, 0).scenarios()).hasSize(1);
        }
    }

    @Test
    void withoutCredentialsTheNewestVersionAnswers401() {
        FakeEthicsEngine fake = fake(FakeEthicsEngine.Version.NEWEST, 2);
        fake.requiredKey = "eee-secret-key";
        try (EthicsEngineClient client = client().auth(Auth.bearer("wrong-key-123")).build()) {
            assertThatThrownBy(client::he300Health).isInstanceOfSatisfying(ClientException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).doesNotContain("wrong-key-123");
            });
        }
    }

    @Test
    void builderNamesTheWrongSetting() {
        assertThatThrownBy(() -> EthicsEngineClient.builder().baseUrl("not a url"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl")
                .hasMessageContaining("not a url");
        assertThatThrownBy(() -> EthicsEngineClient.builder().identity(" ", "Neutral"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity");
        assertThatThrownBy(() -> EthicsEngineClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> EthicsEngineClient.builder().catalogPageSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogPageSize");
    }
}
