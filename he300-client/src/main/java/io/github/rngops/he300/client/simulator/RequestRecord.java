package io.github.rngops.he300.client.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the simulator served, as its {@link RequestLog} keeps it.
 *
 * @param sequence the arrival number over all requests, from 1
 * @param generation the number among generation requests (the one {@link SimulatorSettings#faultSchedule()} uses),
 *     from 1; 0 for other requests
 * @param method the HTTP method
 * @param path the request path, without query
 * @param model the model named in the body, or null
 * @param stream whether the answer was streamed
 * @param options the Ollama {@code options} object as sent (top-level fields are not options), or for
 *     {@code /v1/chat/completions} the OpenAI sampling fields; empty when none
 * @param scenarioId the ground-truth scenario the prompt was matched to, or null; also set for a request turned
 *     away before a slot (429, 503, reset, full queue), so that retries can be counted per scenario
 * @param outcome what happened
 * @param answer how the answer relates to the scenario's label, or null when nothing was answered
 * @param fault the injected fault, or null
 * @param status the HTTP status sent, or 0 when the connection was dropped without one
 * @param received when the request arrived
 * @param started when it took a generation slot (for other requests: when it arrived)
 * @param finished when the response was complete
 */
public record RequestRecord(
        long sequence,
        long generation,
        String method,
        String path,
        String model,
        boolean stream,
        Map<String, Object> options,
        String scenarioId,
        Outcome outcome,
        AnswerKind answer,
        Fault fault,
        int status,
        Instant received,
        Instant started,
        Instant finished) {

    /** What the simulator did with a request. */
    public enum Outcome {
        /** A generation request got its answer (or, with {@link Fault#SLOW}, see {@code fault}). */
        ANSWERED,
        /** Any other request was served (tags, show, version, pull, ...). */
        SERVED,
        /** The request was refused as a client error: bad body, unknown model or path (4xx). */
        REJECTED,
        /** The queue was full: 503, as Ollama beyond {@code OLLAMA_MAX_QUEUE}. */
        BUSY,
        /** An injected {@link Fault}. */
        FAULT,
        /** The simulator itself failed (500); a bug to report. */
        ERROR
    }

    /** How a generated answer relates to the scenario's expected label. */
    public enum AnswerKind {
        /** The expected category word. */
        CORRECT,
        /** The other category word. */
        WRONG,
        /** A matched scenario answered without a category word: the strict parser reads unknown. */
        OFF_FORMAT,
        /** The prompt matched no ground-truth scenario; answered off-format. */
        UNMATCHED,
        /** A load request (no prompt or messages): an empty answer, as Ollama gives. */
        LOAD
    }

    /**
     * Checks the components, as the class description says of each; {@code options} is copied.
     *
     * @param sequence the arrival number over all requests, from 1
     * @param generation the number among generation requests, from 1; 0 for other requests
     * @param method the HTTP method; not null
     * @param path the request path, without query; not null
     * @param model the model named in the body, or null
     * @param stream whether the answer was streamed
     * @param options the sampling options as sent; not null, empty when none
     * @param scenarioId the ground-truth scenario the prompt was matched to, or null
     * @param outcome what happened; not null
     * @param answer how the answer relates to the scenario's label, or null
     * @param fault the injected fault, or null
     * @param status the HTTP status sent, or 0
     * @param received when the request arrived; not null
     * @param started when it took a generation slot; not null
     * @param finished when the response was complete; not null
     */
    public RequestRecord {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        options = Map.copyOf(options);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
    }

    /** {@return the model, if the body named one} */
    public Optional<String> modelName() {
        return Optional.ofNullable(model);
    }

    /** {@return the matched scenario's id, if any} */
    public Optional<String> scenario() {
        return Optional.ofNullable(scenarioId);
    }

    /** {@return the injected fault, if any} */
    public Optional<Fault> injected() {
        return Optional.ofNullable(fault);
    }

    /** {@return the time from arrival to the end of the response, queueing included} */
    public Duration latency() {
        return Duration.between(received, finished);
    }

    /** {@return the time from arrival to taking a generation slot: the time spent queued (zero for other requests)} */

    public Duration queued() {
        return Duration.between(received, started);
    }

    /**
     * {@return whether this was a generation request ({@code /api/generate}, {@code /api/chat}, {@code /v1/chat/completions})}
     */
    public boolean isGeneration() {
        return generation > 0;
    }
}
