package io.github.rngops.he300.client.http;

/** Whether a request may be sent again after it may have reached the server. */
public enum Idempotency {
    /**
     * Sending it twice has the effect of sending it once (GET, DELETE, a generation): retried on connection failures,
     * timeouts, 429, 502, 503, 504 and 529.
     */
    IDEMPOTENT,
    /**
     * Sending it twice may do the work twice (CIRISNode {@code POST /run} starts a job): retried only when the request
     * surely never reached the server (the connection could not be made).
     */
    NONE
}
