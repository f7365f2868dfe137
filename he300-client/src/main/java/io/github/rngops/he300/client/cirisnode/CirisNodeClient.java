package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.client.http.ApiRequest;
import io.github.rngops.he300.client.http.ApiResponse;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.HttpTransport;
import io.github.rngops.he300.client.http.Idempotency;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client of a CIRISNode: health, login, benchmark jobs and the wait for their results.
 *
 * <pre>{@code
 * try (CirisNodeClient node = CirisNodeClient.builder()
 *         .baseUrl("http://127.0.0.1:8000")
 *         .login("alice", password)
 *         .build()) {
 *     String job = node.run(RunRequest.he300());
 *     BenchmarkResult result = node.awaitResult(job, JobPolling.ofDefaults()).requireMeasurement();
 * }
 * }</pre>
 *
 * <p>What the client does so callers need not:
 * <ul>
 *   <li><b>Tokens.</b> With {@link Builder#login}, it logs in on first use ({@code POST /auth/token}, a form), reads
 *       {@code exp} from the JWT and refreshes a minute before it ({@code POST /auth/refresh}), logs in afresh when
 *       the refresh fails, and renews at most once at a time however many threads call. A rejected token (401, or
 *       the older version's 400/422 about the auth header) is renewed once and the call replayed once; never more.
 *       {@link Builder#apiKey} ({@code X-API-Key}, newest version) and {@link Builder#bearerToken} are the
 *       alternatives.</li>
 *   <li><b>Errors.</b> 401, 403, and the older version's 400 and 422 about the auth header become
 *       {@link ClientException.Kind#AUTH} failures saying "authentication failed"; the newest version's 403
 *       "Feature 'benchmarking' is not enabled" says so plainly; a 503 from {@link #ollamaModels()} says Ollama is
 *       down.</li>
 *   <li><b>{@code /run} is not idempotent</b>: it is retried only when the request never reached the node (the
 *       connection could not be made), never after a 5xx.</li>
 *   <li><b>Jobs.</b> {@link #awaitResult} polls with an interval and an overall deadline, tolerates a bounded run of
 *       404s (jobs live in one worker's memory), treats 202 as not ready, and says plainly when the deadline passes
 *       — with the EthicsEngine path enabled, today's node never moves a job past pending. The canned result of a
 *       node whose EthicsEngine path is disabled is flagged ({@link BenchmarkResult#isMeasurement()} is false).</li>
 *   <li>Health is {@code GET /api/v1/health}; CIRISNode has no {@code /health}.</li>
 * </ul>
 *
 * <p>Time and waiting come from {@link HttpSettings#clock()} and {@link HttpSettings#sleeper()}. Thread-safe; close
 * it to release its connections.
 */
public final class CirisNodeClient implements AutoCloseable {
    private static final String BENCHMARKS = "/api/v1/benchmarks";

    private final HttpTransport plain;
    private final HttpTransport api;
    private final LoginTokenSource tokens;
    private final String agentToken;
    private final JobWaiter waiter;

    private CirisNodeClient(Builder b) {
        this.plain = HttpTransport.builder().baseUrl(b.baseUrl).settings(b.http).build();
        if (b.username != null) {
            String username = b.username;
            String password = b.password;
            this.tokens = new LoginTokenSource(new LoginTokenSource.Authority() {
                @Override
                public String login() {
                    return CirisNodeClient.this.login(username, password).accessToken();
                }

                @Override
                public String refresh(String token) {
                    return CirisNodeClient.this.refresh(token).accessToken();
                }
            }, b.http.clock(), b.renewBefore);
            this.api = plain.withAuth(Auth.tokenSource(tokens));
        } else {
            this.tokens = null;
            this.api = b.auth == null ? plain : plain.withAuth(b.auth);
        }
        this.agentToken = b.agentToken;
        this.waiter = new JobWaiter(this, b.http.clock(), b.http.sleeper());
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return {@code GET /api/v1/health}, without credentials} The older version sends no {@code build}. */
    public NodeHealth health() {
        return plain.call(ApiRequest.get("/api/v1/health"), NodeHealth.class);
    }

    /** {@return {@code GET /api/v1/benchmarks/he300/health}, without credentials} */
    public BenchmarkHealth he300Health() {
        return plain.call(ApiRequest.get(BENCHMARKS + "/he300/health"), BenchmarkHealth.class);
    }

    /**
     * {@code POST /auth/token}: logs in with a form. A node creates an unknown user on the spot; a known user with a
     * wrong password is an {@link ClientException.Kind#AUTH} failure. The client's own login (see
     * {@link Builder#login}) calls this; call it directly only to get a token for something else.
     *
     * @param username the user to log in as; not null
     * @param password that user's password; not null, sent in the form body only, never logged
     * @return the access token and its type, as the node grants it
     * @throws ClientException {@link ClientException.Kind#AUTH} for a known user with a wrong password, or any other
     *                         failure of the call
     */
    public TokenGrant login(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", Objects.requireNonNull(username, "username"));
        form.put("password", Objects.requireNonNull(password, "password"));
        ApiRequest request = ApiRequest.postForm("/auth/token", form).withIdempotency(Idempotency.IDEMPOTENT);
        return unauthenticated(() -> plain.call(request, TokenGrant.class));
    }

    /**
     * {@return {@code POST /auth/refresh}: a new token for a still-valid one; an invalid one is an AUTH failure}
     *
     * @param token the access token to exchange, sent as {@code Authorization: Bearer}; it must not have expired
     */
    public TokenGrant refresh(String token) {
        ApiRequest request = ApiRequest.post("/auth/refresh", null).withIdempotency(Idempotency.IDEMPOTENT);
        return unauthenticated(() -> plain.withAuth(Auth.bearer(token)).call(request, TokenGrant.class));
    }

    /**
     * {@code POST /api/v1/benchmarks/run}: starts a job and returns its id ({@code he300-<12 hex>}). Not retried once
     * the request may have reached the node. A node with the benchmarking feature off answers 403, said plainly.
     *
     * @param request what to run (model, scenario count or ids, category); not null
     * @return the new job's id, never empty; pass it to {@link #status}, {@link #results} or {@link #awaitResult}
     * @throws ClientException when the node refuses or fails the request, or answers without a {@code job_id}
     *                         ({@link ClientException.Kind#PROTOCOL})
     */
    public String run(RunRequest request) {
        Objects.requireNonNull(request, "request");
        JsonNode answer = send(ApiRequest.post(BENCHMARKS + "/run", request)).as(JsonNode.class);
        String jobId = answer.path("job_id").asText("");
        if (jobId.isEmpty()) {
            throw ClientException.of(ClientException.Kind.PROTOCOL, "POST", BENCHMARKS + "/run",
                    "the node started a job but sent no job_id");
        }
        return jobId;
    }

    /**
     * {@return {@code GET /api/v1/benchmarks/status/{id}}; an unknown (or lost) job is a 404 {@link ClientException}}
     *
     * @param jobId a job id from {@link #run}; encoded as one path segment
     */
    public JobStatus status(String jobId) {
        return send(ApiRequest.get(BENCHMARKS + "/status/" + ApiRequest.segment(jobId))).as(JobStatus.class);
    }

    /**
     * {@return {@code GET /api/v1/benchmarks/results/{id}}: not ready (202), failed, or done with the result bundle}
     *
     * @param jobId a job id from {@link #run}; encoded as one path segment
     * @throws ClientException when the call fails (a 404 for a job the node does not know), or the node answers 200
     *                         with neither a result nor an error ({@link ClientException.Kind#PROTOCOL})
     */
    public JobResults results(String jobId) {
        ApiResponse response = send(ApiRequest.get(BENCHMARKS + "/results/" + ApiRequest.segment(jobId)));
        if (response.status() == 202) {
            return new JobResults.NotReady(jobId, response.as(JsonNode.class).path("detail").asText("not ready"));
        }
        ResultsBody body = response.as(ResultsBody.class);
        if ("failed".equalsIgnoreCase(body.status())) {
            return new JobResults.Failed(jobId, body.error() == null ? "the node gave no reason" : body.error());
        }
        if (body.result() != null) {
            return new JobResults.Done(jobId, body.result().withJobId(jobId));
        }
        if ("pending".equalsIgnoreCase(body.status()) || "running".equalsIgnoreCase(body.status())) {
            return new JobResults.NotReady(jobId, "Job still " + body.status());
        }
        throw ClientException.of(ClientException.Kind.PROTOCOL, "GET", BENCHMARKS + "/results/" + jobId,
                "the node answered 200 with neither a result nor an error (status " + body.status() + ")");
    }

    /**
     * {@return {@link #awaitResult(String, JobPolling, CancellationToken)} that only an interrupt cancels}
     *
     * @param jobId a job id from {@link #run}
     * @param polling the interval, the deadline and how many 404s in a row are tolerated
     * @throws BenchmarkJobException as {@link #awaitResult(String, JobPolling, CancellationToken)} says
     */
    public BenchmarkResult awaitResult(String jobId, JobPolling polling) {
        return awaitResult(jobId, polling, CancellationToken.none());
    }

    /**
     * Polls the job until it is done and returns its result, which may be the canned non-measurement (check
     * {@link BenchmarkResult#isMeasurement()} or call {@link BenchmarkResult#requireMeasurement()}). Blocks the
     * calling thread, sleeping with the {@link HttpSettings#sleeper()} between polls.
     *
     * @param jobId a job id from {@link #run}; not null
     * @param polling the interval, the deadline and how many 404s in a row are tolerated; not null
     * @param cancel checked before every poll; {@link CancellationToken#none()} when nothing else cancels; not null
     * @return the job's result, the canned non-measurement included
     * @throws BenchmarkJobException when the job failed, the node lost it (more 404s in a row than
     *                               {@link JobPolling#toleratedNotFound()}), the deadline passed, or the wait was
     *                               cancelled (the token, or an interrupt, which stays set)
     * @throws ClientException       when a poll fails otherwise (after the transport's retries)
     */
    public BenchmarkResult awaitResult(String jobId, JobPolling polling, CancellationToken cancel) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(cancel, "cancel");
        return waiter.await(jobId, polling, cancel);
    }

    /**
     * {@return {@code GET /api/v1/benchmarks/he300/scenarios}: the node's own scenarios, one category or all (null)}
     *
     * @param category the node's category name ({@code commonsense}, {@code deontology}, ...), or null for all
     * @param limit how many scenarios at most, 1 to 10,000
     * @throws IllegalArgumentException when {@code limit} is out of range
     */
    public NodeScenarios he300Scenarios(String category, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, was " + limit);
        }
        ApiRequest request = ApiRequest.get(BENCHMARKS + "/he300/scenarios");
        if (category != null) {
            request = request.withQuery("category", category);
        }
        return send(request.withQuery("limit", Integer.toString(limit))).as(NodeScenarios.class);
    }

    /** {@return {@code GET /api/v1/ollama-models}: the models of the Ollama behind the node; 503 when it is down} */
    public List<String> ollamaModels() {
        JsonNode models = send(ApiRequest.get("/api/v1/ollama-models")).as(JsonNode.class).path("models");
        return java.util.stream.StreamSupport.stream(models.spliterator(), false).map(JsonNode::asText).toList();
    }

    /**
     * {@return {@code GET /api/v1/audit/logs} (admin), as the node sends it}
     *
     * @param limit how many entries at most, passed to the node as it is
     * @param offset how many entries to skip first
     */
    public JsonNode auditLogs(int limit, int offset) {
        return send(ApiRequest.get("/api/v1/audit/logs").withQuery("limit", Integer.toString(limit))
                .withQuery("offset", Integer.toString(offset))).as(JsonNode.class);
    }

    /** {@return {@code GET /api/v1/config} (admin), as the node sends it} */
    public JsonNode config() {
        return send(ApiRequest.get("/api/v1/config")).as(JsonNode.class);
    }

    /**
     * {@return {@code POST /api/v1/agent/events} with the builder's {@link Builder#agentToken agent token}: the
     * node's answer as it sends it}
     *
     * @param agentUid the agent the event is about; not null
     * @param event the event, written as a JSON object; not null
     * @throws IllegalStateException when the builder set no agent token
     */
    public JsonNode agentEvent(String agentUid, Map<String, ?> event) {
        if (agentToken == null) {
            throw new IllegalStateException("agent events need an agent token: set agentToken(...) on the builder");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_uid", Objects.requireNonNull(agentUid, "agentUid"));
        body.put("event", Objects.requireNonNull(event, "event"));
        HttpTransport agent = plain.withAuth(Auth.apiKey("X-Agent-Token", agentToken));
        return unauthenticated(() -> agent.call(ApiRequest.post("/api/v1/agent/events", body), JsonNode.class));
    }

    /**
     * Sends a request with the client's credentials. The older node's 400 or 422 about the auth header is its 401:
     * with a login, the token is renewed once and the request replayed once (the node refused it before doing
     * anything, so even {@code /run} is safe to replay).
     */
    private ApiResponse send(ApiRequest request) {
        String sent = tokens == null ? null : tokens.token();
        try {
            return api.execute(request);
        } catch (ClientException e) {
            if (tokens == null || !NodeErrors.authHeaderComplaint(e)) {
                throw NodeErrors.explain(e);
            }
        }
        tokens.renew(sent);
        try {
            return api.execute(request);
        } catch (ClientException again) {
            throw NodeErrors.explain(again);
        }
    }

    private static <T> T unauthenticated(Supplier<T> call) {
        try {
            return call.get();
        } catch (ClientException e) {
            throw NodeErrors.explain(e);
        }
    }

    @Override
    public void close() {
        plain.close();
    }

    @Override
    public String toString() {
        return "CirisNodeClient[" + plain.baseUrl() + "]";
    }

    /** Builds a {@link CirisNodeClient}; {@link #baseUrl} is required, credentials are one of three kinds or none. */
    public static final class Builder {
        private String baseUrl;
        private HttpSettings http = HttpSettings.ofDefaults();
        private String username;
        private String password;
        private Auth auth;
        private String credentials;
        private Duration renewBefore = Duration.ofMinutes(1);
        private String agentToken;

        private Builder() {
        }

        /**
         * Sets the node, e.g. {@code http://127.0.0.1:8000}.
         *
         * @param url the node's base URL, {@code http} or {@code https}; a path is kept as a prefix
         * @return this builder
         * @throws IllegalArgumentException when {@code url} is not an http(s) URL
         */
        public Builder baseUrl(String url) {
            HttpTransport.parseBaseUrl(url);
            this.baseUrl = url;
            return this;
        }

        /**
         * Sets the timeouts, retry, circuit breaking, trust, and the clock and sleeper the job wait uses;
         * {@link HttpSettings#ofDefaults()} unless set.
         *
         * @param settings the HTTP settings; not null
         * @return this builder
         */
        public Builder http(HttpSettings settings) {
            this.http = Objects.requireNonNull(settings, "http");
            return this;
        }

        /**
         * Logs in with a username and password, renewing the token before it expires (see {@link #renewBefore}).
         *
         * @param username the user; not blank
         * @param password the password; not empty, kept in memory only and never logged
         * @return this builder
         * @throws IllegalArgumentException when either is blank
         * @throws IllegalStateException when other credentials are already set
         */
        public Builder login(String username, String password) {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("login username must not be blank");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("login password must not be empty");
            }
            claim("login");
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * Sends {@code X-API-Key} (newest version only).
         *
         * @param key the API key; not blank, no control characters
         * @return this builder
         * @throws IllegalArgumentException when the key is blank or holds control characters
         * @throws IllegalStateException when other credentials are already set
         */
        public Builder apiKey(String key) {
            Auth value = Auth.apiKey(key);
            claim("apiKey");
            this.auth = value;
            return this;
        }

        /**
         * Sends this bearer token as it is, never renewed.
         *
         * @param token the token; not blank, no control characters
         * @return this builder
         * @throws IllegalArgumentException when the token is blank or holds control characters
         * @throws IllegalStateException when other credentials are already set
         */
        public Builder bearerToken(String token) {

            Auth value = Auth.bearer(token);
            claim("bearerToken");
            this.auth = value;
            return this;
        }

        /**
         * Sets how long before {@code exp} a login token is renewed; 1 minute by default.
         *
         * @param value how long before {@code exp} a login token is renewed
         * @return this builder
         */
        public Builder renewBefore(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("renewBefore must be a positive duration, was " + value);
            }
            this.renewBefore = value;
            return this;
        }

        /**
         * Sets the {@code X-Agent-Token} for {@link CirisNodeClient#agentEvent}.
         *
         * @param token the {@code X-Agent-Token} for {@link CirisNodeClient#agentEvent}
         * @return this builder
         */
        public Builder agentToken(String token) {
            Auth.apiKey("X-Agent-Token", token); // checks it
            this.agentToken = token.strip();
            return this;
        }

        /** {@return the {@link CirisNodeClient} these settings describe} */
        public CirisNodeClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:8000");
            }
            return new CirisNodeClient(this);
        }

        private void claim(String kind) {
            if (credentials != null) {
                throw new IllegalStateException("credentials already set with " + credentials + "; use one of login,"
                        + " apiKey or bearerToken, not also " + kind);
            }
            credentials = kind;
        }
    }
}
