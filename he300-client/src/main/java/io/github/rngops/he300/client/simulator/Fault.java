package io.github.rngops.he300.client.simulator;

/**
 * A failure the simulator injects into a generation request ({@code /api/generate}, {@code /api/chat},
 * {@code /v1/chat/completions}), at a configured rate or at scheduled request numbers.
 *
 * <p>The first three strike before the request takes a generation slot; the others strike inside it, after the
 * configured latency.
 */
public enum Fault {
    /** 429 with a {@code Retry-After} header in whole seconds ({@link SimulatorSettings#retryAfter()}). */
    TOO_MANY_REQUESTS,
    /** 503 with Ollama's "server busy" body, as when its queue is full. */
    SERVICE_UNAVAILABLE,
    /** The connection is closed with no response at all: the client sees an I/O error (end of stream). */
    CONNECTION_RESET,
    /** The answer comes {@link SimulatorSettings#slowDelay()} late, so a client with a shorter timeout gives up. */
    SLOW,
    /**
     * Streaming: a 200, some chunks, then an error line ({@code {"error":"..."}}, or an SSE error event on
     * {@code /v1}) and no final chunk. Non-streaming: a 500 with the error body.
     */
    STREAM_ERROR,
    /** A 200 whose JSON body (or one stream line) is cut off half way. */
    MALFORMED_JSON,
    /**
     * 500 with the body Ollama sends when the runner process that holds the model died, as the kernel's OOM killer
     * does: {@code {"error":"llama runner process has terminated: signal: killed"}}, streamed or not. A real Ollama
     * starts a fresh runner for the next request, so a client may try again.
     */
    RUNNER_TERMINATED,
    /** A 200 whose answer text ({@code response}, {@code message.content}) is the number 42, not a string. */
    WRONG_TYPE
}
