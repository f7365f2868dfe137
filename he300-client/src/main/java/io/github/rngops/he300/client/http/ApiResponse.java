package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.github.rngops.he300.core.internal.JsonProblem;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A 2xx answer, read in full: the status (a caller may branch on 200 vs 202), the headers it may need, and the body,
 * decoded on demand with the transport's JSON settings.
 */
public final class ApiResponse {
    private final ApiRequest request;
    private final int status;
    private final okhttp3.Headers headers;
    private final String body;
    private final int attempts;

    ApiResponse(ApiRequest request, int status, okhttp3.Headers headers, String body, int attempts) {
        this.request = request;
        this.attempts = attempts;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** {@return the HTTP status, 200 to 299; 202 is how some servers say "not ready yet"} */
    public int status() {
        return status;
    }

    /**
     * {@return the value of a response header, or empty when the server sent none}
     *
     * @param name the header's name, in any case
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** {@return the requests sent to get this answer, retries included (at least 1)} */
    public int attempts() {
        return attempts;
    }

    /**
     * {@return the body decoded as JSON, with the attempts it took}
     *
     * @param type the record the body maps to
     * @param <T> its type
     */
    public <T> Attempted<T> attempted(Class<T> type) {
        return new Attempted<>(as(type), attempts);
    }

    /** {@return the body as text (empty when there was none)} */
    public String body() {
        return body;
    }

    /**
     * {@return the body decoded as JSON; a body that does not fit is a {@link ClientException.Kind#PROTOCOL} error}
     *
     * @param type the record (or {@code JsonNode}) the body maps to
     * @param <T> that type
     * @throws ClientException {@link ClientException.Kind#PROTOCOL}, saying in JSON terms what did not fit
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw badJson(e);
        }
    }

    /**
     * {@return the body decoded as JSON into a generic type ({@code List<Model>}); as {@link #as(Class)} otherwise}
     *
     * @param type the type the body maps to
     * @param <T> that type
     * @throws ClientException {@link ClientException.Kind#PROTOCOL} when the body does not fit
     */
    public <T> T as(TypeReference<T> type) {

        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw badJson(e);
        }
    }

    /** In JSON terms ({@code "models" must be a list}), never the Java type it was read as. */
    private ClientException badJson(JsonProcessingException e) {
        String problem = e instanceof JsonMappingException ? "does not fit: " + JsonProblem.describe(e) + where(e)
                : "is " + JsonProblem.describe(e);
        return ClientException.failure(ClientException.Kind.PROTOCOL, request.method(), request.path(),
                "answer " + status + " " + problem, 1, null);
    }

    /**
     * Where the JSON went wrong, without quoting the body (it may hold a token): the field whose value has the wrong
     * type, when that is what went wrong ({@code "response": 42}), and the line and column.
     */
    private static String where(JsonProcessingException e) {
        String field = "";
        if (e instanceof MismatchedInputException && !((MismatchedInputException) e).getPath().isEmpty()) {
            MismatchedInputException mismatch = (MismatchedInputException) e;
            String path = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            field = ": " + path + (mismatch.getTargetType() == String.class ? " is not text"
                    : " has the wrong type");
        }
        return field + (e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }

    @Override
    public String toString() {
        return request + " → " + status;
    }
}
