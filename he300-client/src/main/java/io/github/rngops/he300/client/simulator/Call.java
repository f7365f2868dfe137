package io.github.rngops.he300.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.rngops.he300.client.simulator.RequestRecord.AnswerKind;
import io.github.rngops.he300.client.simulator.RequestRecord.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One exchange in progress: how to answer it, and what the log will say about it. Used by one thread at a time.
 *
 * <p>The log entry is made just before the client can see the end of the response (before the body of a fixed-length
 * response is written, before a stream is closed or a connection dropped), so a client that has its answer finds
 * the entry in the log.
 */
final class Call {

    static final String JSON = "application/json; charset=utf-8";

    private final HttpExchange exchange;
    private final long sequence;
    private final Instant received;
    private final Clock clock;
    private final Consumer<RequestRecord> log;

    long generation;
    String model;
    boolean stream;
    Map<String, Object> options = Map.of();
    String scenarioId;
    Outcome outcome = Outcome.SERVED;
    AnswerKind answer;
    Fault fault;
    private int status;
    private Instant started;
    private boolean responded;
    private OutputStream streamBody;
    private boolean logged;

    Call(HttpExchange exchange, long sequence, Clock clock, Consumer<RequestRecord> log) {
        this.exchange = exchange;
        this.sequence = sequence;
        this.clock = clock;
        this.log = log;
        this.received = clock.instant();
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    byte[] body() throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }

    /** Marks the moment the request took its generation slot. */
    void started() {
        started = clock.instant();
    }

    boolean responded() {
        return responded;
    }

    void json(int code, JsonNode body) throws IOException {
        bytes(code, JSON, Json.bytes(body));
    }

    void text(int code, String body) throws IOException {
        bytes(code, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void bytes(int code, String contentType, byte[] body) throws IOException {
        header("Content-Type", contentType);
        status = code;
        responded = true;
        if (body.length == 0) {
            commit();
        }
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            commit();
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sends 200 with a chunked body, to be written with {@link #write(byte[])}. */
    void openStream(String contentType) throws IOException {
        header("Content-Type", contentType);
        status = 200;
        responded = true;
        exchange.sendResponseHeaders(200, 0);
        streamBody = exchange.getResponseBody();
    }

    /** Writes and flushes one piece of a streamed body: a client sees it at once. */
    void write(byte[] piece) throws IOException {
        streamBody.write(piece);
        streamBody.flush();
    }

    /**
     * Closes the connection without a response: the JDK server drops the socket when an exchange is closed before
     * its headers were sent, and the client reads end of stream where it expected a status line.
     */
    void drop() {
        responded = true;
        status = 0;
        commit();
        exchange.close();
    }

    /** Makes the log entry if not made yet, then ends the exchange (a no-op after {@link #drop()}). */
    void finish() {
        commit();
        exchange.close();
    }

    private void commit() {
        if (!logged) {
            logged = true;
            log.accept(new RequestRecord(sequence, generation, method(), path(), model, stream, options, scenarioId,
                    outcome, answer, fault, status, received, started == null ? received : started, clock.instant()));
        }
    }
}
