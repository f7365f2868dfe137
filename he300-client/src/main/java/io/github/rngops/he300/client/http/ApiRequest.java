package io.github.rngops.he300.client.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a server, relative to the transport's base URL. Build it with a factory and refine it with the
 * {@code with...} methods; it is immutable.
 *
 * <pre>{@code
 * ApiRequest.post("/api/generate", body).withIdempotency(Idempotency.IDEMPOTENT)
 * ApiRequest.get("/he300/catalog").withQuery("category", "justice").withQuery("limit", "100")
 * ApiRequest.postForm("/auth/token", Map.of("username", user, "password", password))
 * }</pre>
 *
 * <p>POST defaults to {@link Idempotency#NONE} (never replayed once it may have reached the server); GET, PUT and
 * DELETE default to {@link Idempotency#IDEMPOTENT}. A POST that is safe to repeat (a generation) says so.
 *
 * @param method HTTP method, upper case
 * @param path path below the base URL, starting with {@code /}, segments already encoded (see {@link #segment})
 * @param query query parameters in order; never put secrets here
 * @param jsonBody a value Jackson writes as the JSON body (a {@link JsonBody} writes itself), or null
 * @param form form fields for an {@code application/x-www-form-urlencoded} body, or null
 * @param headers extra headers (values are never logged)
 * @param idempotency whether it may be replayed after it may have reached the server
 */
public record ApiRequest(String method, String path, Map<String, String> query, Object jsonBody,
                         Map<String, String> form, Map<String, String> headers, Idempotency idempotency) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param method HTTP method, upper case
     * @param path path below the base URL, starting with {@code /}, segments already encoded (see {@link #segment})
     * @param query query parameters in order; never put secrets here
     * @param jsonBody a value Jackson writes as the JSON body (a {@link JsonBody} writes itself), or null
     * @param form form fields for an {@code application/x-www-form-urlencoded} body, or null
     * @param headers extra headers (values are never logged)
     * @param idempotency whether it may be replayed after it may have reached the server
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        method = method.toUpperCase(Locale.ROOT);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("request path must start with '/', was '" + path + "'");
        }
        if (path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("request path must not contain '?' or '#' (use withQuery), was '"
                    + path + "'");
        }
        if (jsonBody != null && form != null) {
            throw new IllegalArgumentException("a request has a JSON body or a form, not both: " + method + " " + path);
        }
        query = unmodifiableOrdered(query);
        form = form == null ? null : unmodifiableOrdered(form);
        headers = unmodifiableOrdered(headers);
        Objects.requireNonNull(idempotency, "idempotency");
    }

    /**
     * {@return a GET, idempotent}
     *
     * @param path below the base URL, starting with {@code /}; ids encoded with {@link #segment}
     */
    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, null, Map.of(), Idempotency.IDEMPOTENT);
    }

    /**
     * {@return a POST with a JSON body; not replayed once it may have reached the server unless marked idempotent}
     *
     * @param path below the base URL, starting with {@code /}
     * @param jsonBody a value Jackson writes as the body (a record, a map), or null for an empty body
     */
    public static ApiRequest post(String path, Object jsonBody) {
        return new ApiRequest("POST", path, Map.of(), jsonBody, null, Map.of(), Idempotency.NONE);
    }

    /**
     * {@return a POST with a form body ({@code application/x-www-form-urlencoded}), not idempotent}
     *
     * @param path below the base URL, starting with {@code /}
     * @param form the fields in order; not null, copied; fields named like secrets are masked in errors
     */
    public static ApiRequest postForm(String path, Map<String, String> form) {
        Objects.requireNonNull(form, "form");
        return new ApiRequest("POST", path, Map.of(), null, form, Map.of(), Idempotency.NONE);
    }

    /**
     * {@return a PUT with a JSON body, idempotent}
     *
     * @param path below the base URL, starting with {@code /}
     * @param jsonBody a value Jackson writes as the body, or null for an empty body
     */
    public static ApiRequest put(String path, Object jsonBody) {
        return new ApiRequest("PUT", path, Map.of(), jsonBody, null, Map.of(), Idempotency.IDEMPOTENT);
    }

    /**
     * {@return a DELETE, with a JSON body when {@code jsonBody} is not null (Ollama's {@code /api/delete} takes one)}
     *
     * @param path below the base URL, starting with {@code /}
     * @param jsonBody a value Jackson writes as the body, or null for none
     */
    public static ApiRequest delete(String path, Object jsonBody) {
        return new ApiRequest("DELETE", path, Map.of(), jsonBody, null, Map.of(), Idempotency.IDEMPOTENT);
    }

    /**
     * Percent-encodes one path segment, for ids that go into a path: {@code "/status/" + segment(jobId)}.
     *
     * @param value the raw segment; not null; a {@code /} in it is encoded, not a separator
     * @return the encoded segment
     */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return okhttp3.HttpUrl.get("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    /**
     * {@return this request with one more query parameter (replacing one of the same name), appended in order}
     *
     * @param name the parameter's name; not null
     * @param value its value, encoded when sent; not null, and never a secret (queries may be logged by servers)
     */
    public ApiRequest withQuery(String name, String value) {
        Objects.requireNonNull(name, "query parameter name");
        Objects.requireNonNull(value, () -> "query parameter " + name);
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        return new ApiRequest(method, path, q, jsonBody, form, headers, idempotency);
    }

    /**
     * {@return this request with one more header (replacing one of the same name)}
     *
     * @param name the header's name; not null
     * @param value its value; not null, never logged
     */
    public ApiRequest withHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "header " + name);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(method, path, query, jsonBody, form, h, idempotency);
    }

    /**
     * {@return this request, replayable or not as {@code value} says}
     *
     * @param value {@link Idempotency#IDEMPOTENT} for a POST that is safe to send twice (a generation); not null
     */
    public ApiRequest withIdempotency(Idempotency value) {

        return new ApiRequest(method, path, query, jsonBody, form, headers, value);
    }

    private static Map<String, String> unmodifiableOrdered(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }

    /** Method and path only: no query, body or header values. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
