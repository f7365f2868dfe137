package io.github.rngops.he300.client.openai;

import io.github.rngops.he300.client.http.ApiRequest;
import io.github.rngops.he300.client.http.ApiResponse;
import io.github.rngops.he300.client.http.Attempted;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.HttpTransport;
import io.github.rngops.he300.client.http.Idempotency;
import io.github.rngops.he300.client.http.internal.UrlPaths;
import okhttp3.HttpUrl;

import java.util.List;
import java.util.Objects;

/**
 * A client for an OpenAI-compatible chat server: vLLM, llama.cpp server, LM Studio, Ollama's {@code /v1}, or a
 * hosted API.
 *
 * <pre>{@code
 * try (OpenAiClient vllm = OpenAiClient.builder().baseUrl("http://gpu-host:8000/v1").apiKey(key).build()) {
 *     ChatCompletion c = vllm.chatCompletion(ChatCompletionRequest.of("Qwen/Qwen2.5-7B-Instruct",
 *             ChatMessage.user("Is lying wrong? One word.")).withTemperature(0).withMaxTokens(8).withSeed(42));
 *     System.out.println(c.content());
 * }
 * }</pre>
 *
 * <p>The base URL may be given with or without the trailing {@code /v1}. Chat completions are safe to repeat and
 * are retried (429 with {@code Retry-After} included) as {@link HttpSettings} says.
 */
public final class OpenAiClient implements AutoCloseable {
    private final HttpTransport http;
    private final boolean maxCompletionTokens;

    private OpenAiClient(HttpTransport http, boolean maxCompletionTokens) {
        this.http = http;
        this.maxCompletionTokens = maxCompletionTokens;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return {@code POST /v1/chat/completions}, not streamed} Sent as idempotent: a 429, a 503 or a timeout is
     * retried as the settings say, honouring {@code Retry-After}.
     *
     * @param request the model, messages and sampling settings; not null
     * @throws ClientException when the call fails after the retries, or the answer has no choices or its content is
     *                         not text ({@link ClientException.Kind#PROTOCOL})
     */
    public ChatCompletion chatCompletion(ChatCompletionRequest request) {
        return chatCompletionWithAttempts(request).value();
    }

    /**
     * {@link #chatCompletion}, with the requests it took (retries of a 429, 503, ...).
     *
     * @param request the model, messages and sampling settings; not null
     * @return the completion and the number of requests sent for it, at least 1
     * @throws ClientException as {@link #chatCompletion} says
     */
    public Attempted<ChatCompletion> chatCompletionWithAttempts(ChatCompletionRequest request) {
        Objects.requireNonNull(request, "request");
        ApiResponse response = http.execute(ApiRequest.post("/v1/chat/completions",
                OpenAiJson.body(request, maxCompletionTokens)).withIdempotency(Idempotency.IDEMPOTENT));
        Attempted<ChatCompletion> completion = new Attempted<>(OpenAiJson.read(response.body())
                .orElseGet(() -> response.as(ChatCompletion.class)), response.attempts());
        if (completion.value().choices().isEmpty()) {
            throw ClientException.of(ClientException.Kind.PROTOCOL, "POST", "/v1/chat/completions",
                    "the answer has no choices");
        }
        return completion;
    }

    /** {@return {@code GET /v1/models}: the model ids the server serves} */
    public List<ModelEntry> models() {
        ApiResponse response = http.execute(ApiRequest.get("/v1/models"));
        List<ModelEntry> data = OpenAiJson.modelList(response.body()).orElseGet(() -> response.as(ModelList.class))
                .data();
        return data == null ? List.of() : data;
    }

    /** {@return the normalised base URL, without {@code /v1}} */
    public HttpUrl baseUrl() {
        return http.baseUrl();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiClient[" + http.baseUrl() + "]";
    }

    /** {@code {"object":"list","data":[...]}}. */
    record ModelList(List<ModelEntry> data) {
    }

    /**
     * Strips a trailing {@code /v1} (and slashes): {@code http://h:8000/v1/} and {@code http://h:8000} both become
     * {@code http://h:8000/}; the client adds {@code /v1/...} itself.
     */
    static String normaliseBaseUrl(String url) {
        HttpUrl parsed = HttpTransport.parseBaseUrl(url);
        String path = UrlPaths.withoutTrailingSlashes(parsed.encodedPath());
        if (path.endsWith("/v1")) {
            path = path.substring(0, path.length() - 3);
        }
        return parsed.newBuilder().encodedPath(path + "/").build().toString();
    }

    /** Builds an {@link OpenAiClient}; {@link #baseUrl(String)} is required. */
    public static final class Builder {
        private String baseUrl;
        private HttpSettings settings = HttpSettings.ofDefaults();
        private Auth auth = Auth.none();
        private boolean maxCompletionTokens;

        private Builder() {
        }

        /**
         * Sets the server: {@code http://host:8000} or {@code http://host:8000/v1}; both mean the same.
         *
         * @param url the server's base URL, with or without the trailing {@code /v1}
         * @return this builder
         * @throws IllegalArgumentException when {@code url} is not an http(s) URL, or carries user info, a query or a
         *                                  fragment
         */
        public Builder baseUrl(String url) {
            baseUrl = normaliseBaseUrl(url);
            return this;
        }

        /**
         * Sends {@code Authorization: Bearer <key>}; none by default (local servers need none).
         *
         * @param key the API key; not blank, never logged
         * @return this builder
         * @throws IllegalArgumentException when the key is blank or holds control characters
         */
        public Builder apiKey(String key) {
            auth = Auth.bearer(key);
            return this;
        }

        /**
         * Sets other credentials, e.g. {@link Auth#apiKey(String, String)} for a gateway; replaces {@link #apiKey}.
         *
         * @param value the credentials; not null
         * @return this builder
         */
        public Builder auth(Auth value) {
            auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * Sets the timeouts, retry, circuit breaking and trust; {@link HttpSettings#ofDefaults()} unless set.
         *
         * @param value the HTTP settings; not null
         * @return this builder
         */
        public Builder settings(HttpSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Sends the token limit as {@code max_completion_tokens} (newer OpenAI models) instead of {@code max_tokens}.
         *
         * @param value true for {@code max_completion_tokens}; false (the default) for {@code max_tokens}, which vLLM,
         *              llama.cpp and most compatible servers read
         * @return this builder
         */
        public Builder maxCompletionTokens(boolean value) {

            maxCompletionTokens = value;
            return this;
        }

        /** {@return the {@link OpenAiClient} these settings describe} */
        public OpenAiClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:8000/v1");
            }
            return new OpenAiClient(HttpTransport.builder().baseUrl(baseUrl).settings(settings).auth(auth).build(),
                    maxCompletionTokens);
        }
    }
}
