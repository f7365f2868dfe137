package io.github.rngops.he300.client.ollama;

import io.github.rngops.he300.client.http.ApiRequest;
import io.github.rngops.he300.client.http.Attempted;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.HttpTransport;
import io.github.rngops.he300.client.http.Idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A client for one Ollama server's native API.
 *
 * <pre>{@code
 * try (OllamaClient ollama = OllamaClient.builder().baseUrl("http://127.0.0.1:11434").build()) {
 *     GenerateResponse r = ollama.generate(GenerateRequest.of("llama3.2:3b", "Is lying wrong? Answer in one word.")
 *             .withOptions(Options.builder().temperature(0).seed(42).numPredict(8).build()));
 *     System.out.println(r.response() + " at " + r.tokensPerSecond().orElse(0) + " tokens/s");
 * }
 * }</pre>
 *
 * <p>Generations, {@code show} and {@code pull} are safe to repeat and are retried as {@link HttpSettings} says.
 * Every failure is a {@link ClientException}.
 */
public final class OllamaClient implements AutoCloseable {
    /** Where Ollama listens by default. */
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    private final HttpTransport http;
    private final Duration stallTimeout;

    private OllamaClient(HttpTransport http, Duration stallTimeout) {
        this.http = http;
        this.stallTimeout = stallTimeout;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return {@code GET /}: whether the server answers "Ollama is running"} False when it cannot be reached at all.
     */
    public boolean isRunning() {
        try {
            return http.execute(ApiRequest.get("/")).body().strip().startsWith("Ollama is running");
        } catch (ClientException e) {
            return false;
        }
    }

    /** {@return {@code GET /api/version}, e.g. {@code 0.6.5}} */
    public String version() {
        return http.call(ApiRequest.get("/api/version"), Wire.Version.class).version();
    }

    /** {@return {@code GET /api/tags}: the models on the server's disk} */
    public List<LocalModel> tags() {
        List<LocalModel> models = http.call(ApiRequest.get("/api/tags"), Wire.Tags.class).models();
        return models == null ? List.of() : models;
    }

    /**
     * {@return {@code POST /api/show}; a model that is not there is a 404 {@link ClientException}}
     *
     * @param model the model's name, e.g. {@code llama3.2:3b}; not blank
     */
    public ModelDescription show(String model) {
        return http.call(idempotentPost("/api/show", new Wire.ModelRef(requireModel(model))),
                ModelDescription.class);
    }

    /** {@return {@code GET /api/ps}: the models loaded in memory} */
    public List<RunningModel> ps() {
        List<RunningModel> models = http.call(ApiRequest.get("/api/ps"), Wire.Ps.class).models();
        return models == null ? List.of() : models;
    }

    /**
     * {@return {@code POST /api/generate}, not streamed; {@code options} go inside {@code "options"}} Sent as
     * idempotent: a 503, a timeout or a restarting runner's 500 is retried as the settings say.
     *
     * @param request the model, prompt and options; not null
     * @throws ClientException when the call fails after the retries (a 404 for a model that is not pulled), or the
     *                         answer's {@code response} is not text ({@link ClientException.Kind#PROTOCOL})
     */
    public GenerateResponse generate(GenerateRequest request) {
        return generateWithAttempts(request).value();
    }

    /**
     * {@link #generate}, with the requests it took (retries of a 503, a restarting runner's 500, ...).
     *
     * @param request the model, prompt and options; not null
     * @return the answer and the number of requests sent for it, at least 1
     */
    public Attempted<GenerateResponse> generateWithAttempts(GenerateRequest request) {
        Objects.requireNonNull(request, "request");
        return http.execute(idempotentPost("/api/generate", Wire.Generate.of(request)))
                .attempted(GenerateResponse.class);
    }

    /**
     * {@return {@code POST /api/chat}, not streamed} Sent as idempotent, retried like {@link #generate}.
     *
     * @param request the model, messages and options; not null
     * @throws ClientException when the call fails after the retries, or the answer's content is not text
     */
    public ChatResponse chat(ChatRequest request) {
        return chatWithAttempts(request).value();
    }

    /**
     * {@link #chat}, with the requests it took.
     *
     * @param request the model, messages and options; not null
     * @return the answer and the number of requests sent for it, at least 1
     */
    public Attempted<ChatResponse> chatWithAttempts(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return http.execute(idempotentPost("/api/chat", Wire.Chat.of(request, false))).attempted(ChatResponse.class);
    }

    /**
     * {@code POST /api/chat}, streamed: each chunk goes to {@code onChunk} as it arrives; returns the whole answer
     * (the chunks' text joined, with the last chunk's timings). Silence longer than the stall timeout aborts it.
     * A broken stream is not retried.
     *
     * @param request the model, messages and options; not null
     * @param onChunk receives each chunk in order, on the calling thread; not null
     * @return the whole answer, as {@link #chat} would have returned it
     * @throws ClientException when the call fails, the stream stalls ({@link ClientException.Kind#STALLED}) or
     *                         reports an error, or ends before a chunk with {@code done}
     */
    public ChatResponse chatStream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onChunk, "onChunk");
        StringBuilder text = new StringBuilder();
        ChatChunk[] last = new ChatChunk[1];
        http.stream(idempotentPost("/api/chat", Wire.Chat.of(request, true)), ChatChunk.class, stallTimeout,
                chunk -> {
                    text.append(chunk.content());
                    last[0] = chunk;
                    onChunk.accept(chunk);
                });
        ChatChunk end = last[0];
        if (end == null || !end.done()) {
            throw ClientException.of(ClientException.Kind.PROTOCOL, "POST", "/api/chat",
                    "the stream ended before a chunk with done=true");
        }
        return new ChatResponse(end.model(), end.createdAt(), new Message("assistant", text.toString()), true,
                end.doneReason(), end.totalDuration(), end.loadDuration(), end.promptEvalCount(),
                end.promptEvalDuration(), end.evalCount(), end.evalDuration());
    }

    /**
     * {@code POST /api/pull}, streamed: progress goes to {@code onProgress}. An error line ends it with a
     * {@link ClientException} carrying Ollama's message; silence longer than the stall timeout aborts it
     * ({@link ClientException.Kind#STALLED}). Ollama resumes an interrupted pull: call again.
     *
     * @param model the model's name, e.g. {@code llama3.2:3b}; not blank
     * @param onProgress receives each progress line in order, on the calling thread; not null
     * @throws ClientException when the pull fails, stalls, or ends without {@code success}
     */
    public void pull(String model, Consumer<PullProgress> onProgress) {
        Objects.requireNonNull(onProgress, "onProgress");
        boolean[] success = new boolean[1];
        http.stream(idempotentPost("/api/pull", new Wire.Pull(requireModel(model), true)), PullProgress.class,
                stallTimeout, progress -> {
                    success[0] = progress.isSuccess();
                    onProgress.accept(progress);
                });
        if (!success[0]) {
            throw ClientException.of(ClientException.Kind.PROTOCOL, "POST", "/api/pull",
                    "the pull of " + model + " ended without 'success'; call again to resume");
        }
    }

    /**
     * {@code DELETE /api/delete}: removes the model from the server's disk; a model that is not there is a 404
     * {@link ClientException}.
     *
     * @param model the model's name; not blank
     */
    public void delete(String model) {
        http.execute(ApiRequest.delete("/api/delete", new Wire.ModelRef(requireModel(model))));
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OllamaClient[" + http.baseUrl() + "]";
    }

    private static ApiRequest idempotentPost(String path, Object body) {
        return ApiRequest.post(path, body).withIdempotency(Idempotency.IDEMPOTENT);
    }

    static String requireModel(String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be a model name like llama3.2:3b, was '" + model + "'");
        }
        return model;
    }

    /** Builds an {@link OllamaClient}; the base URL defaults to {@value #DEFAULT_BASE_URL}. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private HttpSettings settings = HttpSettings.ofDefaults();
        private Auth auth = Auth.none();
        private Duration stallTimeout = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * Sets the server; {@value #DEFAULT_BASE_URL} by default.
         *
         * @param url the server's base URL, {@code http} or {@code https}; request paths are appended to its path
         * @return this builder
         * @throws IllegalArgumentException when {@code url} is not an http(s) URL, or carries user info, a query or a
         *                                  fragment
         */
        public Builder baseUrl(String url) {
            HttpTransport.parseBaseUrl(url);
            baseUrl = url;
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
         * Sets the credentials for an Ollama behind a proxy that asks for them; none by default.
         *
         * @param value the credentials; not null
         * @return this builder
         */
        public Builder auth(Auth value) {
            auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * Sets how long a stream (pull, streamed chat) may send nothing before it is aborted; 1 min by default.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException when it is not positive

         */
        public Builder stallTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("stallTimeout must be a positive duration, was " + value);
            }
            stallTimeout = value;
            return this;
        }

        /** {@return the {@link OllamaClient} these settings describe} */
        public OllamaClient build() {
            return new OllamaClient(HttpTransport.builder().baseUrl(baseUrl).settings(settings).auth(auth).build(),
                    stallTimeout);
        }
    }
}
