package io.github.rngops.he300.client.http;

import java.io.IOException;
import java.time.Duration;

/** One attempt got no answer (connect, timeout, broken connection, TLS), with the retry decision already made. */
final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String label;
    final ClientException.Kind kind;
    final int attempt;
    final boolean retry;
    final transient Duration wait;

    AttemptFailure(String label, ClientException.Kind kind, IOException cause, int attempt, boolean retry, Duration wait) {
        super(cause.getMessage(), cause, false, false);
        this.label = label;
        this.kind = kind;
        this.attempt = attempt;
        this.retry = retry;
        this.wait = wait;
    }

    IOException io() {
        return (IOException) getCause();
    }
}
