package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.rngops.he300.client.http.internal.UrlPaths;
import io.github.rngops.he300.core.internal.JsonProblem;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP side of one client: one OkHttp client for one server, JSON in and out, auth, retry and circuit breaking.
 * A client's entry type builds one in its {@code build()}, calls it from its methods, and closes it in
 * {@code close()}.
 *
 * <pre>{@code
 * HttpTransport http = HttpTransport.builder().baseUrl("http://127.0.0.1:11434").build();
 * Version v = http.call(ApiRequest.get("/api/version"), Version.class);
 * }</pre>
 *
 * <p>Every call either returns a 2xx answer or throws {@link ClientException}. Thread-safe; 64 calls (by default)
 * may be in flight to the server at once.
 */
public final class HttpTransport implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final String USER_AGENT = "he300-client";

    private final HttpUrl baseUrl;
    private final String basePath;    // the base URL's encoded path without trailing slashes: a request path follows
    private final HttpSettings settings;
    private final Auth auth;
    private final OkHttpClient client;
    private final Resilience resilience;
    private final RetryPolicy policy;
    private final boolean ownsResources;

    private HttpTransport(HttpUrl baseUrl, HttpSettings settings, Auth auth) {
        this.baseUrl = baseUrl;
        this.basePath = UrlPaths.withoutTrailingSlashes(baseUrl.encodedPath());
        this.settings = settings;
        this.auth = auth;
        this.policy = new RetryPolicy(settings.retry(), settings.clock(), settings.random());
        this.resilience = new Resilience(baseUrl.toString(), settings);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(settings.maxRequests());
        dispatcher.setMaxRequestsPerHost(settings.maxRequestsPerHost());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.maxRequestsPerHost(), 5, TimeUnit.MINUTES))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(SendMarker.listenerFactory());
        if (settings.caBundle() != null) {
            Tls.trustExtraCas(builder, settings.caBundle());
        } else if (!baseUrl.isHttps()) {
            // One http:// server and no redirects: cleartext only, so OkHttp skips loading the JDK's trust store
            // (about 150 certificates, a tenth of a second or more of a cold command's start).
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.client = withInterceptors(builder, auth).build();
        this.ownsResources = true;
    }

    private HttpTransport(HttpTransport shared, Auth auth) {
        this.baseUrl = shared.baseUrl;
        this.basePath = shared.basePath;
        this.settings = shared.settings;
        this.auth = auth;
        this.policy = shared.policy;
        this.resilience = shared.resilience;
        OkHttpClient.Builder builder = shared.client.newBuilder();
        builder.interceptors().clear();
        this.client = withInterceptors(builder, auth).build();
        this.ownsResources = false;
    }

    private static OkHttpClient.Builder withInterceptors(OkHttpClient.Builder builder, Auth auth) {
        if (auth.interceptor() != null) {
            builder.addInterceptor(auth.interceptor());
        }
        return builder.addInterceptor(new LoggingInterceptor());
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A transport to the same server with other credentials, sharing this one's connections, threads, retry and
     * circuit breaker (a login call made without the token it is about to fetch). Closing it does nothing; close
     * this one.
     *
     * @param other the credentials the new transport sends; not null ({@link Auth#none()} for none)
     * @return a transport that shares this one's resources and lives no longer than it
     */
    public HttpTransport withAuth(Auth other) {
        return new HttpTransport(this, Objects.requireNonNull(other, "auth"));
    }

    /** {@return the server's base URL, always ending in {@code /}} */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** {@return the settings this transport was built with (the clock and sleeper a client's own waits use)} */
    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the request (retrying as the settings say) and returns the 2xx answer read in full. Blocks the calling
     * thread until then, sleeping between retries.
     *
     * @param request what to send; not null
     * @return the 2xx answer, with the attempts it took
     * @throws ClientException for any status outside 2xx (redirects included) and any failure, after the retries
     */
    public ApiResponse execute(ApiRequest request) {
        Outcome outcome = run(request, false);
        return new ApiResponse(request, outcome.status, outcome.headers, outcome.body, outcome.attempt);
    }

    /**
     * Sends the request and decodes the 2xx answer's JSON body; {@link #execute} then {@link ApiResponse#as(Class)}.
     *
     * @param request what to send; not null
     * @param type the record (or {@code JsonNode}) the body maps to
     * @param <T> that type
     * @return the decoded answer
     * @throws ClientException as {@link #execute} says, or {@link ClientException.Kind#PROTOCOL} when the body does
     *                         not fit {@code type}
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        return execute(request).as(type);
    }

    /**
     * {@return the 2xx answer's JSON body decoded into a generic type ({@code List<Model>})}; as
     * {@link #call(ApiRequest, Class)} otherwise.
     *
     * @param request what to send; not null
     * @param type the type the body maps to
     * @param <T> that type
     */
    public <T> T call(ApiRequest request, TypeReference<T> type) {
        return execute(request).as(type);
    }

    /**
     * Sends the request and hands each line of the NDJSON answer to {@code onLine}, decoded as {@code type}, as it
     * arrives. A line {@code {"error": ...}} ends the stream with a {@link ClientException.Kind#PROTOCOL} error
     * carrying the server's message. When no data arrives for {@code stallTimeout}, the call is aborted with
     * {@link ClientException.Kind#STALLED}. Getting the answer's status is retried like any call; the stream itself
     * is not (a caller that can resume calls again). The whole-attempt deadline does not apply to streams.
     * {@code onLine} runs on the calling thread, which this method blocks until the stream ends.
     *
     * @param request what to send; not null
     * @param type the record each line maps to
     * @param stallTimeout the longest silence between two reads; positive
     * @param onLine receives each decoded line in order; not null; an exception it throws ends the stream
     * @param <T> the lines' type
     * @throws ClientException for a failed status (after the retries), an error line, a line that does not fit
     *                         {@code type}, a broken connection or a stall
     */
    public <T> void stream(ApiRequest request, Class<T> type, Duration stallTimeout, Consumer<? super T> onLine) {
        Durations.requirePositive("stallTimeout", stallTimeout);
        Objects.requireNonNull(onLine, "onLine");
        Outcome outcome = run(request, true);
        int lines = 0;
        try (Response response = outcome.open) {
            BufferedSource source = response.body().source();
            source.timeout().timeout(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = readLine(request, line, lines);
                String error = node.isObject() ? ErrorBodies.errorField(node) : null;
                if (error != null) {
                    throw ClientException.streamError(request.method(), request.path(), outcome.status,
                            Redactor.forRequest(auth, request).mask(error), lines);
                }
                onLine.accept(Json.mapper().treeToValue(node, type));
                lines++;
            }
        } catch (JsonProcessingException e) {
            throw ClientException.failure(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                    "line " + (lines + 1) + " of the stream " + (e instanceof JsonMappingException
                            ? "does not fit: " : "is ") + JsonProblem.describe(e),
                    1, null);
        } catch (IOException e) {
            ClientException.Kind kind = Failures.kind(e);
            if (kind == ClientException.Kind.TIMEOUT) {
                throw ClientException.failure(ClientException.Kind.STALLED, request.method(), request.path(),
                        "nothing for " + Durations.human(stallTimeout) + " after " + lines
                                + " lines; call again to resume", 1, e);
            }
            throw ClientException.failure(kind, request.method(), request.path(),
                    "stream broke after " + lines + " lines: " + Failures.describe(e, kind), 1, e);
        }
    }

    private JsonNode readLine(ApiRequest request, String line, int linesBefore) {
        try {
            return Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw ClientException.failure(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                    "line " + (linesBefore + 1) + " of the stream is not JSON", 1, null);
        }
    }

    /**
     * One call: attempts under the retry and the breaker. A call the open breaker turns away is not a failure of the
     * server's but back-pressure: it waits until the breaker lets calls through again (its trial calls succeeded)
     * and is sent then, as long as the waits stay within the retry's {@code maxTotalTime}; attempts count across the
     * waits, so the attempt budget is the same.
     */
    private Outcome run(ApiRequest request, boolean stream) {
        long start = settings.clock().millis();
        AtomicInteger attempts = new AtomicInteger();
        Duration waited = Duration.ZERO;
        Outcome outcome;
        while (true) {
            try {
                outcome = resilience.call(() -> attempt(request, stream, attempts.incrementAndGet(), start));
                break;
            } catch (AttemptFailure failure) {
                throw ClientException.failure(failure.kind, request.method(), request.path(),
                        Failures.describe(failure.io(), failure.kind), failure.attempt, failure.io());
            } catch (CallNotPermittedException open) {
                Duration wait = resilience.permitWait();
                if (waited.plus(wait).compareTo(settings.retry().maxTotalTime()) > 0
                        || Thread.currentThread().isInterrupted()) {
                    throw circuitOpen(request, attempts.get(), waited);
                }
                try {
                    settings.sleeper().sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw circuitOpen(request, attempts.get(), waited);
                }
                waited = waited.plus(wait);
            }
        }
        if (outcome.isSuccess()) {
            return outcome;
        }
        Redactor redactor = Redactor.forRequest(auth, request);
        String detail = outcome.status >= 300 && outcome.status < 400
                ? "redirected to " + outcome.headers.get("Location") + "; use that as the base URL"
                : ErrorBodies.detail(outcome.body, outcome.reason, outcome.status);
        throw ClientException.status(request.method(), request.path(), outcome.status, redactor.mask(detail),
                redactor.mask(ErrorBodies.excerpt(outcome.body)), outcome.retryAfter, outcome.attempt);
    }

    private Outcome attempt(ApiRequest request, boolean stream, int attempt, long start) {
        SendMarker marker = new SendMarker();
        Call call = client.newCall(toOkHttp(request, marker));
        if (stream) {
            call.timeout().timeout(0, TimeUnit.MILLISECONDS);
        }
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw failure(request, attempt, start, e, marker.sent());
        }
        int status = response.code();
        if (status >= 200 && status < 300) {
            if (stream) {
                return Outcome.streaming(request.toString(), attempt, response);
            }
            try (response) {
                return Outcome.success(request.toString(), attempt, status, response.headers(), response.body().string());
            } catch (IOException e) {
                throw failure(request, attempt, start, e, true);
            }
        }
        String body = readError(response);
        Duration retryAfter = policy.retryAfter(response.headers());
        Duration wait = policy.wait(attempt, retryAfter);
        if (status >= 500) {
            Redactor redactor = Redactor.forRequest(auth, request);
            resilience.noteFailure(ClientException.status(request.method(), request.path(), status,
                    redactor.mask(ErrorBodies.detail(body, response.message(), status)), "", retryAfter,
                    attempt));
        }
        boolean retry = request.idempotency() == Idempotency.IDEMPOTENT && RetryPolicy.retryableStatus(status, body)
                && policy.mayRetry(attempt, start, wait);
        return Outcome.error(request.toString(), attempt, status, response.message(), response.headers(), body, retryAfter, retry, wait);
    }

    private ClientException circuitOpen(ApiRequest request, int attempts, Duration waited) {
        return ClientException.circuitOpen(request.method(), request.path(), baseUrl.toString(),
                resilience.failuresAtOpen(), resilience.callsAtOpen(), resilience.breakerRemaining(), attempts, waited,
                resilience.lastFailure());
    }

    private AttemptFailure failure(ApiRequest request, int attempt, long start, IOException e, boolean sent) {
        ClientException.Kind kind = Failures.kind(e);
        if (kind != ClientException.Kind.TLS) {
            resilience.noteFailure(ClientException.failure(kind, request.method(), request.path(),
                    Failures.describe(e, kind), attempt, null));
        }
        Duration wait = policy.wait(attempt, null);
        boolean retry = RetryPolicy.retryableFailure(kind, sent, request.idempotency())
                && policy.mayRetry(attempt, start, wait);
        return new AttemptFailure(request.toString(), kind, e, attempt, retry, wait);
    }

    private static String readError(Response response) {
        try (response; ResponseBody body = response.body()) {
            BufferedSource source = body.source();
            source.request(ERROR_BODY_LIMIT);
            long size = Math.min(source.getBuffer().size(), ERROR_BODY_LIMIT);
            return source.getBuffer().readUtf8(size);
        } catch (IOException e) {
            return "";
        }
    }

    private Request toOkHttp(ApiRequest request, SendMarker marker) {
        HttpUrl.Builder url = baseUrl.newBuilder()
                .encodedPath(basePath + request.path());
        request.query().forEach(url::addQueryParameter);
        Request.Builder builder = new Request.Builder()
                .url(url.build())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .tag(SendMarker.class, marker);
        request.headers().forEach(builder::header);
        return builder.method(request.method(), body(request)).build();
    }

    private RequestBody body(ApiRequest request) {
        if (request.form() != null) {
            FormBody.Builder form = new FormBody.Builder();
            request.form().forEach(form::add);
            return form.build();
        }
        if (request.jsonBody() instanceof JsonBody body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            try (JsonGenerator out = Json.STREAMS.createGenerator(bytes)) {
                body.writeTo(out);
            } catch (IOException e) {
                throw ClientException.of(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                        "the request body could not be written as JSON: " + e.getMessage());
            }
            return RequestBody.create(bytes.toByteArray(), JSON);
        }
        if (request.jsonBody() != null) {
            try {
                return RequestBody.create(Json.mapper().writeValueAsBytes(request.jsonBody()), JSON);
            } catch (JsonProcessingException e) {
                throw ClientException.of(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                        "the request body could not be written as JSON: " + e.getOriginalMessage());
            }
        }
        boolean needsBody = request.method().equals("POST") || request.method().equals("PUT")
                || request.method().equals("PATCH");
        return needsBody ? RequestBody.create(new byte[0], JSON) : null;
    }

    /** Shuts down this transport's threads and closes its idle connections. */
    @Override
    public void close() {
        if (ownsResources) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** The resilience4j decorators, for tests that watch them. */
    Resilience resilience() {
        return resilience;
    }

    @Override
    public String toString() {
        return "HttpTransport[" + baseUrl + ", " + auth + "]";
    }

    /** Builds an {@link HttpTransport}; {@link #baseUrl(String)} is required. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private HttpSettings settings = HttpSettings.ofDefaults();
        private Auth auth = Auth.none();

        private Builder() {
        }

        /**
         * Sets the server: {@code http://host:port} or {@code https://host/prefix}; no user info, query or fragment.
         *
         * @param url the base URL; request paths are appended to its path
         * @return this builder
         * @throws IllegalArgumentException as {@link HttpTransport#parseBaseUrl} says
         */
        public Builder baseUrl(String url) {
            baseUrl = parseBaseUrl(url);
            return this;
        }

        /**
         * Sets timeouts, parallelism, trust, retry and circuit breaking; {@link HttpSettings#ofDefaults()} by default.
         *
         * @param value not null
         * @return this builder
         */
        public Builder settings(HttpSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Sets the credentials every request carries; {@link Auth#none()} by default.
         *
         * @param value not null
         * @return this builder
         */
        public Builder auth(Auth value) {
            auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** {@return the {@link HttpTransport} these settings describe} */
        public HttpTransport build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required, e.g. http://127.0.0.1:11434");
            }
            return new HttpTransport(baseUrl, settings, auth);
        }
    }

    /**
     * Parses and checks a base URL; surrounding spaces are ignored.
     *
     * @param url {@code http://host:port} or {@code https://host/prefix}
     * @return the URL, its path always ending in {@code /}
     * @throws IllegalArgumentException when {@code url} is null or not an http(s) URL, or carries a user name,
     *                                  password, query or fragment; the message says which
     */
    public static HttpUrl parseBaseUrl(String url) {

        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL like http://127.0.0.1:11434, was '"
                    + url + "'");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new IllegalArgumentException("baseUrl must not carry a user name or password (use auth): "
                    + parsed.scheme() + "://" + parsed.host() + ":" + parsed.port());
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment, was '" + url + "'");
        }
        String path = parsed.encodedPath();
        return path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
    }
}
