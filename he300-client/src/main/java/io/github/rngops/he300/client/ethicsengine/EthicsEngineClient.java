package io.github.rngops.he300.client.ethicsengine;

import io.github.rngops.he300.client.http.ApiRequest;
import io.github.rngops.he300.client.http.Attempted;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.HttpTransport;
import io.github.rngops.he300.client.http.Idempotency;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client of EthicsEngine Enterprise's HE-300 API: health, the scenario catalog, and batches of up to
 * {@value #MAX_BATCH_SIZE} scenarios evaluated by the server's own LLM.
 *
 * <pre>{@code
 * try (EthicsEngineClient eee = EthicsEngineClient.builder()
 *         .baseUrl("http://127.0.0.1:8080")
 *         .build()) {
 *     BatchResult result = eee.batch(sample.scenarios().subList(0, 50));
 *     result.failures().forEach(f -> System.err.println(f.scenarioId() + ": " + f.error()));
 * }
 * }</pre>
 *
 * <p>What the client does so callers need not:
 * <ul>
 *   <li>Every batch carries a {@code batch_id} (generated unless given) and {@code identity_id}/{@code guidance_id}
 *       {@code "Neutral"} unless configured: the HE-300 API version's defaults name profiles that do not exist, so
 *       every scenario would fail.</li>
 *   <li>Batches send this project's protocol ids; the server's catalog ids collide ({@code commonsense} and
 *       {@code commonsense_hard} both use {@code HE-CO-…}).</li>
 *   <li>More than {@value #MAX_BATCH_SIZE} scenarios, or none, is refused before anything is sent.</li>
 *   <li>A server with no LLM configured answers "Error: LLM configuration unavailable." with label 0 and no error;
 *       such a scenario comes back failed ({@link ScenarioResult#llmUnavailable()}), never as a verdict.</li>
 * </ul>
 *
 * <p><b>Versions.</b> Both known versions answer with the same shapes. The HE-300 API version asks every category
 * "ethical or unethical", which mis-scores deontology, justice and virtue (whose labels mean reasonable/matches);
 * its results carry no {@code confidence} or {@code trace_id}, and it takes no credentials. The newest version asks
 * each category its own question and takes {@code Authorization: Bearer <jwt or static key>} or {@code X-API-Key}:
 * pass {@link Auth#bearer}, {@link Auth#apiKey} or {@link Auth#tokenSource} to {@link Builder#auth}.
 *
 * <p>Scenarios of one batch run one after another on the server: send several batches at once for throughput. A
 * batch is safe to repeat, so it is retried like a GET. Thread-safe; close it to release its connections.
 */
public final class EthicsEngineClient implements AutoCloseable {
    /** The most scenarios one batch may hold. */
    public static final int MAX_BATCH_SIZE = 50;
    /** The identity and guidance profile that exists on every EthicsEngine. */
    public static final String NEUTRAL = "Neutral";

    private final HttpTransport http;
    private final String identityId;
    private final String guidanceId;
    private final String modelName;
    private final int catalogPageSize;
    private final Supplier<String> batchIds;

    private EthicsEngineClient(Builder b) {
        this.http = HttpTransport.builder().baseUrl(b.baseUrl).settings(b.http).auth(b.auth).build();
        this.identityId = b.identityId;
        this.guidanceId = b.guidanceId;
        this.modelName = b.modelName;
        this.catalogPageSize = b.catalogPageSize;
        this.batchIds = b.batchIds;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return {@code GET /health}: whether the server is up, and its version} */
    public EngineHealth health() {
        return http.call(ApiRequest.get("/health"), EngineHealth.class);
    }

    /** {@return {@code GET /he300/health}: whether the server found its copy of the dataset} */
    public He300Health he300Health() {
        return http.call(ApiRequest.get("/he300/health"), He300Health.class);
    }

    /**
     * One page of the server's catalog ({@code GET /he300/catalog}).
     *
     * @param category only this category, or null for all
     * @param limit    at most this many scenarios, 1..1000
     * @param offset   skipping this many, 0 or more
     * @return the page, with the catalog's total and its count per category
     * @throws IllegalArgumentException when {@code limit} or {@code offset} is out of range; nothing is sent then
     */
    public CatalogPage catalog(Category category, int limit, int offset) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("catalog limit must be 1..1000, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("catalog offset must be 0 or more, was " + offset);
        }
        ApiRequest request = ApiRequest.get("/he300/catalog");
        if (category != null) {
            request = request.withQuery("category", category.id());
        }
        request = request.withQuery("limit", Integer.toString(limit)).withQuery("offset", Integer.toString(offset));
        return http.call(request, CatalogPage.class);
    }

    /**
     * {@return the whole catalog, or one category of it, read page by page} The pages are as large as the builder's
     * {@link Builder#catalogPageSize}; a catalog that changes between pages may repeat or skip a scenario.
     *
     * @param category only this category, or null for all
     */
    public List<CatalogScenario> catalogAll(Category category) {
        List<CatalogScenario> all = new ArrayList<>();
        while (true) {
            CatalogPage page = catalog(category, catalogPageSize, all.size());
            all.addAll(page.scenarios());
            if (page.scenarios().size() < catalogPageSize || all.size() >= page.totalScenarios()) {
                return all;
            }
        }
    }

    /**
     * One scenario of the server's catalog ({@code GET /he300/scenarios/{id}}), by the server's id. An unknown id is
     * a {@link io.github.rngops.he300.client.http.ClientException} with status 404 and the server's detail.
     *
     * @param id the server's catalog id (not this project's protocol id); not null, encoded as one path segment
     * @return the scenario as the catalog holds it
     */
    public CatalogScenario scenario(String id) {
        Objects.requireNonNull(id, "id");
        return http.call(ApiRequest.get("/he300/scenarios/" + ApiRequest.segment(id)), CatalogScenario.class);
    }

    /**
     * Evaluates these scenarios as one batch with the client's defaults; see {@link #batch(BatchRequest)}.
     *
     * @param scenarios 1 to {@value #MAX_BATCH_SIZE} scenarios, sent in this order
     * @return one result per scenario, in the order sent
     * @throws IllegalArgumentException when there are none or too many; nothing is sent then
     */
    public BatchResult batch(List<Scenario> scenarios) {
        return batch(BatchRequest.of(scenarios));
    }

    /**
     * Evaluates one batch ({@code POST /he300/batch}) and waits for all of it. The POST is sent as idempotent, so a
     * 503, a timeout or a broken connection is retried as the {@link HttpSettings#retry() retry settings} say.
     *
     * @param request the scenarios and the settings for all of them; not null
     * @return one result per scenario, in the order sent; a scenario the server's LLM could not answer is a failed
     *         result, not an exception
     * @throws io.github.rngops.he300.client.http.ClientException when the call fails after the retries
     * @throws IllegalArgumentException when the batch holds no scenario or more than {@value #MAX_BATCH_SIZE}; nothing
     *                                  is sent then
     */
    public BatchResult batch(BatchRequest request) {
        return batchWithAttempts(request).value();
    }

    /**
     * {@link #batch(BatchRequest)}, with the requests it took (retries of a 503, a timeout, ...).
     *
     * @param request the scenarios and the settings for all of them; not null
     * @return the result and the number of requests sent for it, at least 1
     * @throws IllegalArgumentException when the batch holds no scenario or more than {@value #MAX_BATCH_SIZE}
     */
    public Attempted<BatchResult> batchWithAttempts(BatchRequest request) {
        int size = request.scenarios().size();
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("an EthicsEngine batch takes 1 to " + MAX_BATCH_SIZE
                    + " scenarios, was " + size + (size > MAX_BATCH_SIZE ? ": split it into several batches" : ""));
        }
        BatchBody body = BatchBody.of(
                request.batchId() != null ? request.batchId() : batchIds.get(),
                request.scenarios(),
                request.identityId() != null ? request.identityId() : identityId,
                request.guidanceId() != null ? request.guidanceId() : guidanceId,
                request.modelName() != null ? request.modelName() : modelName);
        ApiRequest post = ApiRequest.post("/he300/batch", body).withIdempotency(Idempotency.IDEMPOTENT);
        Attempted<BatchResult> result = http.execute(post).attempted(BatchResult.class);
        return new Attempted<>(result.value().normalized(), result.attempts());
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "EthicsEngineClient[" + http.baseUrl() + "]";
    }

    /** Builds an {@link EthicsEngineClient}; {@link #baseUrl} is required. */
    public static final class Builder {
        private String baseUrl;
        private HttpSettings http = HttpSettings.ofDefaults();
        private Auth auth = Auth.none();
        private String identityId = NEUTRAL;
        private String guidanceId = NEUTRAL;
        private String modelName;
        private int catalogPageSize = 100;
        private Supplier<String> batchIds = () -> "he300-" + UUID.randomUUID();

        private Builder() {
        }

        /**
         * Sets the server, e.g. {@code http://127.0.0.1:8080}.
         *
         * @param url the server's base URL, {@code http} or {@code https}; a path is kept as a prefix
         * @return this builder
         * @throws IllegalArgumentException when {@code url} is not an http(s) URL
         */
        public Builder baseUrl(String url) {
            HttpTransport.parseBaseUrl(url);
            this.baseUrl = url;
            return this;
        }

        /**
         * Sets the timeouts, retry, circuit breaking and trust; {@link HttpSettings#ofDefaults()} unless set.
         *
         * @param settings the HTTP settings; not null
         * @return this builder
         */
        public Builder http(HttpSettings settings) {
            this.http = Objects.requireNonNull(settings, "http");
            return this;
        }

        /**
         * Sets the credentials for the newest version: bearer (JWT or static key), API key or token source.
         *
         * @param value the credentials; {@link Auth#none()} (the default) for a server that asks for none
         * @return this builder
         */
        public Builder auth(Auth value) {
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * Sets the identity profile and ethical guidance for every batch that names none; both {@code "Neutral"}.
         *
         * @param identity the server's identity profile id; not blank
         * @param guidance the server's ethical guidance id; not blank
         * @return this builder
         * @throws IllegalArgumentException when either is blank
         */
        public Builder identity(String identity, String guidance) {

            this.identityId = nonBlank("identity", identity);
            this.guidanceId = nonBlank("guidance", guidance);
            return this;
        }

        /**
         * Sets the model to ask the server for in every batch that names none; the server's own choice by default.
         *
         * @param model the model to ask the server for in every batch that names none
         * @return this builder
         */
        public Builder modelName(String model) {
            this.modelName = nonBlank("modelName", model);
            return this;
        }

        /**
         * Sets how many scenarios {@link EthicsEngineClient#catalogAll} asks for per page, 1..1000; 100 by default.
         *
         * @param size how many scenarios {@link EthicsEngineClient#catalogAll} asks for per page, 1..1000
         * @return this builder
         */
        public Builder catalogPageSize(int size) {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("catalogPageSize must be 1..1000, was " + size);
            }
            this.catalogPageSize = size;
            return this;
        }

        /**
         * Sets where batch ids come from when a batch has none; {@code he300-<random UUID>} by default.
         *
         * @param ids where batch ids come from when a batch has none
         * @return this builder
         */
        public Builder batchIds(Supplier<String> ids) {
            this.batchIds = Objects.requireNonNull(ids, "batchIds");
            return this;
        }

        /** {@return the {@link EthicsEngineClient} these settings describe} */
        public EthicsEngineClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:8080");
            }
            return new EthicsEngineClient(this);
        }

        private static String nonBlank(String setting, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting + " must not be blank, was "
                        + (value == null ? "null" : "\"" + value + "\""));
            }
            return value;
        }
    }
}
