package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * A 2xx answer, read in full: the status (a caller may branch on 200 vs 202), the headers it may need, and the body,
 * decoded on demand with the transport's JSON settings.
 */
public final class ApiResponse {
    private final ApiRequest request;
    private final int status;
    private final okhttp3.Headers headers;
    private final String body;
    private final ObjectMapper json;

    ApiResponse(ApiRequest request, int status, okhttp3.Headers headers, String body, ObjectMapper json) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.json = json;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** {@return the body as text (empty when there was none)} */
    public String body() {
        return body;
    }

    /** {@return the body decoded as JSON; a body that does not fit is a {@link ClientException.Kind#PROTOCOL} error} */
    public <T> T as(Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw badJson(type.getSimpleName(), e);
        }
    }

    public <T> T as(TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw badJson(type.getType().getTypeName(), e);
        }
    }

    private ClientException badJson(String type, JsonProcessingException e) {
        return ClientException.failure(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                "answer " + status + " is not the expected " + type + " JSON" + where(e), 1, null);
    }

    /** Where the JSON went wrong, without quoting the body (it may hold a token). */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    @Override
    public String toString() {
        return request + " → " + status;
    }
}
