package io.github.rngops.he300.client.simulator;

/** A request the simulator refuses with 400; the message goes into the error body as is. */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
