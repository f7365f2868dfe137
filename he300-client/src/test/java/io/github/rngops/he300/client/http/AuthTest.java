package io.github.rngops.he300.client.http;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuthTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    private HttpTransport http(Auth auth) {
        return HttpTransport.builder().baseUrl(server.url("/").toString()).settings(test.settings().build())
                .auth(auth).build();
    }

    /** Hands out token-1, token-2, ...; renews only when the rejected token is the current one. */
    static final class CountingTokenSource implements TokenSource {
        final AtomicInteger renewals = new AtomicInteger();
        private String current = "token-1";

        @Override
        public synchronized String token() {
            return current;
        }

        @Override
        public synchronized String renew(String rejected) {
            if (rejected.equals(current)) {
                current = "token-" + (renewals.incrementAndGet() + 1);
            }
            return current;
        }
    }

    @Test
    void sendsAStaticBearerToken() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (HttpTransport http = http(Auth.bearer("sk-test-0001"))) {
            http.execute(ApiRequest.get("/v1/models"));
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-0001");
    }

    @Test
    void sendsAnApiKeyHeaderUnderTheConfiguredName() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (HttpTransport http = http(Auth.apiKey("key-abc"))) {
            http.execute(ApiRequest.get("/a"));
        }
        try (HttpTransport http = http(Auth.apiKey("X-Agent-Token", "agent-xyz"))) {
            http.execute(ApiRequest.get("/b"));
        }
        assertThat(server.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("key-abc");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getHeaders().get("X-Agent-Token")).isEqualTo("agent-xyz");
        assertThat(second.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusesEmptyCredentialsAtOnce() {
        assertThatThrownBy(() -> Auth.bearer(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bearer token must not be empty");
        assertThatThrownBy(() -> Auth.apiKey("Bad Header", "k")).hasMessageContaining("'Bad Header'");
        assertThatThrownBy(() -> Auth.apiKey("line\nbreak")).hasMessageContaining("line breaks");
    }

    @Test
    void renewsOnceAndReplaysOnceAfter401() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"detail\":\"Invalid token\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"job_id\":\"he300-aaaaaaaaaaaa\"}").build());
        CountingTokenSource source = new CountingTokenSource();
        try (HttpTransport http = http(Auth.tokenSource(source))) {
            ApiResponse r = http.execute(ApiRequest.post("/api/v1/benchmarks/run", java.util.Map.of()));
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(source.renewals).hasValue(1);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void aSecond401IsAnErrorNotALoop() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(401).body("{\"detail\":\"Invalid token\"}").build());
        }
        CountingTokenSource source = new CountingTokenSource();
        try (HttpTransport http = http(Auth.tokenSource(source))) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/api/v1/benchmarks/status/x")));
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).isEqualTo("GET /api/v1/benchmarks/status/x → 401: Invalid token");
        }
        assertThat(source.renewals).hasValue(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void manyRejectedRequestsAtOnceRenewOnce() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean fresh = "Bearer token-2".equals(request.getHeaders().get("Authorization"));
                return new MockResponse.Builder().code(fresh ? 200 : 401).body("{}").build();
            }
        });
        CountingTokenSource source = new CountingTokenSource();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HttpTransport http = http(Auth.tokenSource(source))) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> http.execute(ApiRequest.get("/api/v1/audit/logs")).status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.renewals).hasValue(1);
    }

    @Test
    void sayWhichCredentialNeverWhatItIs() {
        assertThat(Auth.bearer("sk-secret-value")).hasToString("Auth[bearer]");
        assertThat(Auth.apiKey("k-secret-value").toString()).doesNotContain("secret");
    }

    @Test
    void aLoginTransportSharesTheConnectionsWithoutTheToken() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("{\"access_token\":\"jwt-1\",\"token_type\":\"bearer\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"job_id\":\"he300-0123456789ab\"}").build());
        AtomicInteger logins = new AtomicInteger();
        try (HttpTransport plain = http(Auth.none())) {
            TokenSource login = new TokenSource() {
                @Override
                public String token() {
                    logins.incrementAndGet();
                    return plain.execute(ApiRequest.postForm("/auth/token",
                            java.util.Map.of("username", "u", "password", "p"))).as(java.util.Map.class)
                            .get("access_token").toString();
                }

                @Override
                public String renew(String rejected) {
                    return token();
                }
            };
            HttpTransport api = plain.withAuth(Auth.tokenSource(login));
            assertThat(api.execute(ApiRequest.post("/api/v1/benchmarks/run", java.util.Map.of())).status())
                    .isEqualTo(200);
            api.close();
        }
        RecordedRequest loginRequest = server.takeRequest();
        assertThat(loginRequest.getHeaders().get("Authorization")).isNull();
        assertThat(loginRequest.getBody().utf8().split("&")).containsExactlyInAnyOrder("username=u", "password=p");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer jwt-1");
        assertThat(logins).hasValue(1);
    }
}
