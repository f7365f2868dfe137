package io.github.rngops.he300.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One API's way of asking for and sending an answer: Ollama's {@code /api/generate} and {@code /api/chat} (NDJSON
 * streams) or OpenAI's {@code /v1/chat/completions} (server-sent events).
 */
abstract class Dialect {

    /** Where an answer goes: the model, when it was made, the request number (OpenAI's id). */
    record Reply(String model, Instant created, long number) {}

    abstract GenerationRequest parse(ObjectNode body) throws BadRequest;

    abstract JsonNode error(int status, String message);

    abstract JsonNode modelNotFound(String model);

    /** The whole answer, not streamed. */
    abstract JsonNode complete(Reply reply, Completion completion, Timings timings);

    /** One streamed token. */
    abstract JsonNode chunk(Reply reply, String token);

    /** The last streamed chunk: done, with the counts and durations. */
    abstract JsonNode last(Reply reply, Completion completion, Timings timings);

    /** The answer to a request with nothing to generate. */
    abstract JsonNode load(Reply reply);

    abstract String streamContentType();

    /** One streamed message, framed. */
    abstract byte[] frame(byte[] json);

    /** What ends a stream after the last chunk. */
    abstract byte[] endOfStream();

    static String notFoundMessage(String model) {
        return "model \"" + model + "\" not found, try pulling it first";
    }
}
