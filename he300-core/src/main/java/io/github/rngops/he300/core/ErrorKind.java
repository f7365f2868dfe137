package io.github.rngops.he300.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a scenario got no answer. Targets map their failures to one of these so that a run can say what went wrong
 * (and fail fast when every scenario fails the same way) without knowing the target.
 */
public enum ErrorKind {
    /** The server could not be reached: refused, reset, unknown host. */
    CONNECTION,
    /** No answer within the deadline. */
    TIMEOUT,
    /** The server refused the credentials, or none were given. */
    AUTH,
    /** The server does not have the model asked for. */
    MODEL_NOT_FOUND,
    /** Too many requests (429), after retries. */
    RATE_LIMITED,
    /** Any other 4xx status. */
    HTTP_4XX,
    /** A 5xx status, after retries. */
    HTTP_5XX,
    /** The server answered 200 but reported a failure for the scenario (an {@code error} field, a canned error text). */
    SERVER_ERROR,
    /** The answer could not be read, or had no answer for the scenario. */
    INVALID_RESPONSE,
    /** The request was cancelled before it finished. */
    CANCELLED,
    /** Anything else. */
    OTHER;

    /** {@return the name in JSON: {@code model_not_found}} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a kind up by its {@link #id()} or constant name, ignoring case and surrounding whitespace.
     *
     * @param id a kind such as {@code rate_limited}; not null
     * @return the kind, or empty when none has that id
     */
    public static Optional<ErrorKind> fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst();
    }

    @JsonCreator
    static ErrorKind fromJson(String id) {
        return fromId(id).orElse(OTHER);
    }
}
