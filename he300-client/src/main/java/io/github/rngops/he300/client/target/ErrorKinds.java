package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.core.ErrorKind;
import java.util.Locale;

/** Sorts a client failure into the engine's error kinds. */
final class ErrorKinds {

    private ErrorKinds() {
    }

    static ErrorKind of(ClientException e) {
        switch (e.kind()) {
            case AUTH:
                return ErrorKind.AUTH;
            case CIRCUIT_OPEN:
                // What opened the breaker is what went wrong (a 500, a refused connection), so that fail-fast sees one
                // kind when the server fails one way.
                return e.getCause() instanceof ClientException ? of((ClientException) e.getCause())
                        : ErrorKind.CONNECTION;
            case CONNECT:
            case IO:
            case TLS:
                return ErrorKind.CONNECTION;
            case TIMEOUT:
            case STALLED:
                return ErrorKind.TIMEOUT;
            case PROTOCOL:
                return ErrorKind.INVALID_RESPONSE;
            case STATUS:
            default:
                return ofStatus(e.status(), e.detail());
        }
    }

    static ErrorKind ofStatus(int status, String detail) {
        if (status == 401 || status == 403) {
            return ErrorKind.AUTH;
        }
        if (status == 404 && detail != null && detail.toLowerCase(Locale.ROOT).contains("model")) {
            return ErrorKind.MODEL_NOT_FOUND;
        }
        if (status == 429) {
            return ErrorKind.RATE_LIMITED;
        }
        if (status >= 500) {
            return ErrorKind.HTTP_5XX;
        }
        if (status >= 400) {
            return ErrorKind.HTTP_4XX;
        }
        return ErrorKind.OTHER;
    }
}
