package io.github.rngops.he300.client.cirisnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.http.ClientException;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CirisNodeClientTest {
    private static final String PASSWORD = "correct horse battery staple";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private NodeFixture fixture(FakeCirisNode.Version version) {
        return new NodeFixture(server, version);
    }

    @Test
    void readsTheOlderHealthWithoutBuild() {
        NodeFixture f = fixture(FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.client().build()) {
            NodeHealth health = client.health();
            assertThat(health.healthy()).isTrue();
            assertThat(health.version()).isEqualTo("1");
            assertThat(health.pubkey()).isEqualTo("dummy-pubkey");
            assertThat(health.build()).isNull();
        }
        assertThat(f.node.paths).containsExactly("GET /api/v1/health");
    }

    @Test
    void readsTheNewestHealthWithBuild() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().build()) {
            assertThat(client.health().build()).isEqualTo(42);
        }
        assertThat(f.node.paths).containsExactly("GET /api/v1/health");
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void readsBenchmarkHealth(FakeCirisNode.Version version) {
        NodeFixture f = fixture(version);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        try (CirisNodeClient client = f.client().build()) {
            BenchmarkHealth health = client.he300Health();
            assertThat(health.healthy()).isTrue();
            assertThat(health.eeeEnabled()).isTrue();
        }
        assertThat(f.node.paths).containsExactly("GET /api/v1/benchmarks/he300/health");
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void logsInWithAForm(FakeCirisNode.Version version) throws Exception {
        NodeFixture f = fixture(version);
        try (CirisNodeClient client = f.client().build()) {
            TokenGrant grant = client.login("alice", PASSWORD);
            assertThat(grant.tokenType()).isEqualTo("bearer");
            assertThat(Jwt.expiry(grant.accessToken())).contains(f.clock.instant().plusSeconds(3600));
            assertThat(grant.toString()).doesNotContain(grant.accessToken());
        }
        RecordedRequest login = server.takeRequest();
        assertThat(login.getUrl().encodedPath()).isEqualTo("/auth/token");
        assertThat(login.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(login.getBody().utf8()).isEqualTo("username=alice&password=correct+horse+battery+staple");
    }

    @Test
    void aWrongPasswordIsAClearAuthenticationFailure() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().build()) {
            assertThatThrownBy(() -> client.login("alice", "not-the-password"))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("authentication failed")
                                .contains("Incorrect username or password").doesNotContain("not-the-password");
                    });
        }
    }

    @Test
    void refreshesAToken() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().build()) {
            TokenGrant first = client.login("alice", PASSWORD);
            f.clock.advance(java.time.Duration.ofMinutes(10));
            TokenGrant second = client.refresh(first.accessToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(Jwt.expiry(second.accessToken())).contains(f.clock.instant().plusSeconds(3600));
            assertThatThrownBy(() -> client.refresh("not.a.token"))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("Invalid token").doesNotContain("not.a.token");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void startsAJobAfterLoggingInOnce(FakeCirisNode.Version version) {
        NodeFixture f = fixture(version);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300().withModel("llama3.2:3b"));
            assertThat(job).matches("he300-[0-9a-f]{12}");
            client.run(RunRequest.he300().withScenarioIds(List.of("a", "b")).withCategory("justice"));
        }
        assertThat(f.node.logins).hasValue(1);
        assertThat(f.node.runBodies.get(0).toString())
                .isEqualTo("{\"benchmark_type\":\"he300\",\"n_scenarios\":300,\"model\":\"llama3.2:3b\"}");
        assertThat(f.node.runBodies.get(1).toString()).isEqualTo("{\"benchmark_type\":\"he300\",\"n_scenarios\":2,"
                + "\"scenario_ids\":[\"a\",\"b\"],\"category\":\"justice\"}");
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void readsStatusAndResultsAsTheJobProgresses(FakeCirisNode.Version version) {
        NodeFixture f = fixture(version);
        f.node.plan = FakeCirisNode.JobPlan.COMPLETES;
        f.node.pollsBeforeDone = 2;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            assertThat(client.status(job).status()).isEqualTo(JobState.PENDING);
            assertThat(client.results(job)).isInstanceOfSatisfying(JobResults.NotReady.class,
                    r -> assertThat(r.detail()).isEqualTo("Job still running"));
            JobStatus done = client.status(job);
            assertThat(done.status()).isEqualTo(JobState.COMPLETED);
            assertThat(done.jobId()).isEqualTo(job);
            JobResults results = client.results(job);
            assertThat(results).isInstanceOfSatisfying(JobResults.Done.class, d -> {
                BenchmarkResult r = d.result();
                assertThat(r.isMeasurement()).isTrue();
                assertThat(r.summary().byCategory()).containsKeys("justice", "virtue");
                assertThat(r.results()).hasSize(2);
                assertThat(r.results().get(0).isCorrect()).isTrue();
                assertThat(r.publicKey()).isEqualTo("ed25519:abcdef");
            });
        }
    }

    @Test
    void aFailedJobSaysWhy() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.FAILS;
        f.node.pollsBeforeDone = 0;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            assertThat(client.results(job)).isEqualTo(new JobResults.Failed(job, "EEE batch 3 failed: HTTP 500"));
        }
    }

    @Test
    void anUnknownJobIsA404WithTheNodesDetail() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.loggedIn()) {
            assertThatThrownBy(() -> client.status("he300-000000000000"))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.detail()).isEqualTo("Benchmark job not found");
                    });
        }
    }

    @Test
    void theCannedResultIsNotAMeasurement() {
        NodeFixture f = fixture(FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300().withScenarioCount(20));
            BenchmarkResult result = ((JobResults.Done) client.results(job)).result();
            assertThat(result.isMeasurement()).isFalse();
            assertThat(result.summary().accuracy()).isEqualTo(0.85);
            assertThat(result.summary().correct()).isEqualTo(17);
            assertThat(result.jobId()).isEqualTo(job);
            assertThatThrownBy(result::requireMeasurement).isInstanceOfSatisfying(BenchmarkJobException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.NOT_A_MEASUREMENT);
                        assertThat(e.getMessage()).contains("not a measurement").contains("EthicsEngine");
                    });
        }
    }

    @Test
    void theOlderVersions400OnABadTokenIsAnAuthenticationFailure() {
        NodeFixture f = fixture(FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.client().bearerToken("stale-token-abc").build()) {
            assertThatThrownBy(() -> client.run(RunRequest.he300()))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("authentication failed")
                                .contains("Missing or invalid Authorization header")
                                .doesNotContain("stale-token-abc");
                    });
        }
        assertThat(f.node.runs).hasValue(0);
    }

    @Test
    void theOlderVersions400AfterARestartRenewsAndReplaysOnce() {
        NodeFixture f = fixture(FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.loggedIn()) {
            client.run(RunRequest.he300());
            f.node.forgetTokens(); // the node restarted with a new secret
            assertThat(client.run(RunRequest.he300())).startsWith("he300-");
        }
        assertThat(f.node.logins).hasValue(2);
        assertThat(f.node.runs).hasValue(2);
    }

    @Test
    void theOlderVersions422OnARoleRouteIsAnAuthenticationFailure() {
        NodeFixture f = fixture(FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.client().build()) {
            assertThatThrownBy(() -> client.auditLogs(10, 0)).isInstanceOfSatisfying(ClientException.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.getMessage()).contains("authentication failed");
            });
        }
    }

    @Test
    void theNewestVersions401WithoutCredentialsIsAnAuthenticationFailure() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().build()) {
            assertThatThrownBy(() -> client.status("he300-000000000001"))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("authentication failed").contains("Not authenticated");
                    });
        }
    }

    @Test
    void theNewestVersionTakesAnApiKey() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.apiKeys.add("node-api-key-1");
        try (CirisNodeClient client = f.client().apiKey("node-api-key-1").build()) {
            assertThat(client.run(RunRequest.he300())).startsWith("he300-");
        }
        assertThat(f.node.logins).hasValue(0);
    }

    @Test
    void aStaticBearerTokenIsSentAsItIs() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        String token = f.node.issue("bob", java.time.Duration.ofHours(1));
        try (CirisNodeClient client = f.client().bearerToken(token).build()) {
            assertThat(client.run(RunRequest.he300())).startsWith("he300-");
        }
    }

    @Test
    void aDisabledBenchmarkingFeatureIsAClearError() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.benchmarkingEnabled = false;
        try (CirisNodeClient client = f.loggedIn()) {
            assertThatThrownBy(() -> client.run(RunRequest.he300()))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("benchmarking is not enabled on this node")
                                .doesNotContain("authentication failed");
                    });
        }
    }

    @Test
    void runIsNotRetriedAfterA503BecauseItReachedTheNode() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.run503.set(1);
        try (CirisNodeClient client = f.loggedIn()) {
            assertThatThrownBy(() -> client.run(RunRequest.he300()))
                    .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(f.node.runs).hasValue(1);
    }

    @Test
    void runIsRetriedAfterAConnectFailure() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        TestClock clock = TestClock.atEpoch();
        FakeCirisNode node = new FakeCirisNode(FakeCirisNode.Version.NEWEST, clock);
        node.apiKeys.add("node-api-key-1");
        try (MockWebServer late = new MockWebServer()) {
            late.setDispatcher(node);
            io.github.rngops.he300.client.http.Sleeper startsTheServer = d -> {
                if (!late.getStarted()) {
                    try {
                        late.start(port);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            try (CirisNodeClient client = CirisNodeClient.builder().baseUrl("http://127.0.0.1:" + port + "/")
                    .apiKey("node-api-key-1")
                    .http(io.github.rngops.he300.client.http.HttpSettings.builder().clock(clock)
                            .sleeper(startsTheServer).build())
                    .build()) {
                assertThat(client.run(RunRequest.he300())).startsWith("he300-");
            }
        }
        assertThat(node.runs).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void listsHe300Scenarios(FakeCirisNode.Version version) throws Exception {
        NodeFixture f = fixture(version);
        try (CirisNodeClient client = f.loggedIn()) {
            NodeScenarios s = client.he300Scenarios("justice", 5);
            assertThat(s.total()).isEqualTo(5);
            assertThat(s.scenarios()).hasSize(5).allMatch(x -> x.category().equals("justice"));
            assertThat(s.scenarios().get(0).prompt()).isEqualTo("Scenario 1 of justice");
            assertThat(s.source()).isEqualTo("csv");
            assertThat(client.he300Scenarios(null, 3).scenarios()).hasSize(3);
        }
        assertThat(f.node.paths).contains("GET /api/v1/benchmarks/he300/scenarios");
    }

    @Test
    void listsOllamaModels() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.loggedIn()) {
            assertThat(client.ollamaModels()).containsExactly("llama3.2:3b", "qwen2.5:7b");
        }
    }

    @Test
    void ollamaDownIsAClearError() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.ollamaDown = true;
        try (CirisNodeClient client = CirisNodeClient.builder().baseUrl(server.url("/").toString())
                .http(f.http().toBuilder().retry(io.github.rngops.he300.client.http.RetrySettings.none()).build())
                .login("alice", PASSWORD).build()) {
            assertThatThrownBy(client::ollamaModels).isInstanceOfSatisfying(ClientException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.getMessage()).contains("Ollama behind this node is down");
            });
        }
    }

    @Test
    void readsAuditLogsAndConfigWithAnApiKey() {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        f.node.apiKeys.add("node-api-key-1");
        try (CirisNodeClient client = f.client().apiKey("node-api-key-1").build()) {
            assertThat(client.auditLogs(10, 0).get(0).get("action").asText()).isEqualTo("run_benchmark");
            assertThat(client.config().path("features").path("benchmarking").asBoolean()).isTrue();
        }
        assertThat(f.node.paths).contains("GET /api/v1/audit/logs", "GET /api/v1/config");
    }

    @Test
    void sendsAgentEventsWithTheAgentToken() throws Exception {
        NodeFixture f = fixture(FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().agentToken("agent-token-1").build()) {
            assertThat(client.agentEvent("agent-7", java.util.Map.of("type", "heartbeat")).get("event_type").asText())
                    .isEqualTo("heartbeat");
        }
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getBody().utf8()).isEqualTo("{\"agent_uid\":\"agent-7\",\"event\":{\"type\":\"heartbeat\"}}");
        try (CirisNodeClient client = f.client().agentToken("agent-token-2").build()) {
            assertThatThrownBy(() -> client.agentEvent("agent-7", java.util.Map.of("type", "x")))
                    .isInstanceOfSatisfying(ClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.AUTH));
        }
        try (CirisNodeClient client = f.client().build()) {
            assertThatThrownBy(() -> client.agentEvent("agent-7", java.util.Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("agentToken");
        }
    }

    @Test
    void credentialsAreOneKindOnly() {
        assertThatThrownBy(() -> CirisNodeClient.builder().login("alice", PASSWORD).apiKey("k-123"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("login")
                .hasMessageContaining("apiKey").hasMessageNotContaining("k-123");
    }

    @Test
    void builderNamesTheWrongSetting() {
        assertThatThrownBy(() -> CirisNodeClient.builder().baseUrl("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> CirisNodeClient.builder().login("", "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> CirisNodeClient.builder().renewBefore(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewBefore");
        assertThatThrownBy(() -> CirisNodeClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
    }
}
