package io.github.rngops.he300.client.http;

import io.github.rngops.he300.core.He300Exception;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a server failed: the server answered with an error status, the connection failed or timed out, a stream
 * broke or reported an error, the circuit breaker is open, or the answer made no sense. The message is one line,
 * written once by a factory, for example {@code POST /api/generate → 404: model 'x' not found}; it never contains a
 * token, key or password.
 */
public final class ClientException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that branch. */
    public enum Kind {
        /** The server answered with a status outside 2xx; see {@link #status()}. */
        STATUS,
        /** The connection could not be made: refused, unknown host, no route. The request never reached the server. */
        CONNECT,
        /** A connect, read or whole-call timeout. */
        TIMEOUT,
        /** The connection broke (reset, closed mid-response). */
        IO,
        /** The TLS handshake failed: the server's certificate is not trusted or does not match the host. */
        TLS,
        /**
         * The circuit breaker for this server stayed open for as long as the call could wait; the cause is the last
         * failure it counted.
         */
        CIRCUIT_OPEN,
        /** A streamed answer sent nothing for longer than the stall timeout. */
        STALLED,
        /** The server answered 2xx but the answer is an error or makes no sense (an error line in a stream, bad JSON). */
        PROTOCOL,
        /**
         * The server refused the credentials: a 401, or a 400, 403 or 422 that a client knows is about the auth
         * header (CIRISNode's older version); {@link #status()} says which. Set by {@link #explained}.
         */
        AUTH
    }

    /** What went wrong. */
    private final Kind kind;
    /** The HTTP status, or 0. */
    private final int status;
    /** The server's message, or ours. */
    private final String detail;
    /** The request's method. */
    private final String method;
    /** The request's path, without the query. */
    private final String path;
    /** At most 200 characters of the body, secrets masked. */
    private final String bodyExcerpt;
    private final transient Duration retryAfter;
    /** The attempts made. */
    private final int attempts;

    private ClientException(Kind kind, int status, String detail, String method, String path, String bodyExcerpt,
                            Duration retryAfter, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.detail = detail;
        this.method = method;
        this.path = path;
        this.bodyExcerpt = bodyExcerpt;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
    }

    /**
     * A failure that is not an HTTP status: for clients that find a 2xx answer wrong ({@link Kind#PROTOCOL}), give
     * up waiting ({@link Kind#TIMEOUT}), and the like. {@code path} must not contain a query string with secrets.
     *
     * @param kind what went wrong; not null
     * @param method the request's method, {@code GET}, {@code POST}, ...
     * @param path the request's path, without a query string
     * @param detail what was wrong, for a person; it must hold no secret
     * @return the exception, its message {@code <method> <path> → <what>: <detail>}, status 0 and one attempt
     */
    public static ClientException of(Kind kind, String method, String path, String detail) {
        Objects.requireNonNull(kind, "kind");
        return failure(kind, method, path, detail, 1, null);
    }

    static ClientException status(String method, String path, int status, String detail, String bodyExcerpt,
                                  Duration retryAfter, int attempts) {
        String message = method + " " + path + " → " + status + ": " + detail + attemptsSuffix(attempts);
        return new ClientException(Kind.STATUS, status, detail, method, path, bodyExcerpt, retryAfter, attempts,
                message, null);
    }

    static ClientException failure(Kind kind, String method, String path, String detail, int attempts,
                                   Throwable cause) {
        String message = method + " " + path + " → " + describe(kind) + ": " + detail + attemptsSuffix(attempts);
        return new ClientException(kind, 0, detail, method, path, "", null, attempts, message, cause);
    }

    static ClientException streamError(String method, String path, int status, String detail, int linesBefore) {
        String message = method + " " + path + " → " + status + ", then error in the stream after " + linesBefore
                + " lines: " + detail;
        return new ClientException(Kind.PROTOCOL, status, detail, method, path, "", null, 1, message, null);
    }

    /**
     * The open breaker turned the call away and stayed open while it waited. The message counts the failures that
     * opened it and ends with the last failure the server gave, which is also the {@link #getCause() cause}, so a
     * caller can sort it by what really went wrong.
     */
    static ClientException circuitOpen(String method, String path, String baseUrl, int failures, int calls,
                                       Duration remaining, int attempts, Duration waited, ClientException last) {
        String detail = "circuit open for " + baseUrl + " after " + failures + " failures in " + calls
                + " attempts" + (waited.isZero() ? "" : "; still open after waiting " + Durations.human(waited))
                + "; next try in " + Durations.human(remaining)
                + (last == null ? "" : " (last failure: " + last.getMessage() + ")");
        return new ClientException(Kind.CIRCUIT_OPEN, 0, detail, method, path, "", remaining, attempts,
                method + " " + path + " → " + detail, last);
    }

    /**
     * This failure said again by a client that knows what it means, for example
     * {@code POST /api/v1/benchmarks/run → 400: authentication failed: Missing or invalid Authorization header; ...}.
     * Status, detail, request, excerpt, {@code Retry-After} and attempts are kept, this exception is the cause, and
     * {@code kind} may change (a {@link Kind#STATUS} that is really {@link Kind#AUTH}). {@code explanation} must hold
     * no secret.
     *
     * @param newKind the kind the caller branches on now; not null
     * @param explanation what the failure means, for a person; not null, no secret
     * @return a new exception with this one as its cause; this one is unchanged
     */
    public ClientException explained(Kind newKind, String explanation) {
        Objects.requireNonNull(newKind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        String message = method + " " + path + " → " + (status > 0 ? status + ": " : "") + explanation
                + attemptsSuffix(attempts);
        return new ClientException(newKind, status, detail, method, path, bodyExcerpt, retryAfter, attempts, message,
                this);
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case CONNECT: return "connection failed";
            case TIMEOUT: return "timed out";
            case IO: return "connection broken";
            case TLS: return "TLS handshake failed";
            case STALLED: return "stream stalled";
            case PROTOCOL: return "bad answer";
            default: return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String attemptsSuffix(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    /** {@return what went wrong, for a caller that branches (retry a {@link Kind#CONNECT}, not an {@link Kind#AUTH})} */
    public Kind kind() {
        return kind;
    }

    /** {@return the HTTP status, or 0 when the server gave none (transport failure, open circuit, protocol error)} */
    public int status() {
        return status;
    }

    /**
     * {@return the server's own message ({@code detail}, {@code error}, or a plain-text body), or ours when it gave none}
     */
    public String detail() {
        return detail;
    }

    /** {@return the request's HTTP method, upper case} */
    public String method() {

        return method;
    }

    /** {@return the request path, without the query string} */
    public String path() {
        return path;
    }

    /** {@return at most 200 characters of the response body, secrets masked; empty when there was no body} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** {@return how long the server asked us to wait ({@code Retry-After}), or how long an open circuit stays open} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@return how many attempts were made (0 when the circuit breaker refused every one)} */
    public int attempts() {
        return attempts;
    }
}
