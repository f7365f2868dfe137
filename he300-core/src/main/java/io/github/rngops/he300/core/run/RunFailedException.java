package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import java.util.Optional;

/**
 * A run stopped before its end because going on was pointless or impossible: its first outcomes all failed the same
 * way (fail fast), or its journal could not be written. What did run is in {@link #result()}.
 */
public final class RunFailedException extends He300Exception {
    private static final long serialVersionUID = 1L;

    private final transient ErrorKind kind;
    private final transient RunResult result;

    private RunFailedException(String message, ErrorKind kind, RunResult result, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.result = result;
    }

    static RunFailedException failedFast(int count, ErrorKind kind, String firstMessage, RunResult result) {
        return new RunFailedException("the first " + count + " scenarios all failed with " + kind + ": "
                + firstMessage + " — " + advice(kind), kind, result, null);
    }

    static RunFailedException aborted(String message, RunResult result, Throwable cause) {
        return new RunFailedException(message, null, result, cause);
    }

    private static String advice(ErrorKind kind) {
        switch (kind) {
            case CONNECTION:
                return "check the URL and that the server is running";
            case MODEL_NOT_FOUND:
                return "check --model, or pull the model first";
            case AUTH:
                return "check the credentials (HE300_TOKEN, HE300_API_KEY, HE300_USERNAME/HE300_PASSWORD)";
            case TIMEOUT:
                return "the server is not answering in time: check it, or raise --timeout";
            case RATE_LIMITED:
                return "the server is rate limiting: lower --concurrency";
            case SERVER_ERROR:
                return "the server reports a failure of its own: check its configuration and logs";
            default:
                return "check the target and its logs";
        }
    }

    /**
     * {@return the error kind every one of the first outcomes had; empty when the run was aborted for another reason}
     */
    public Optional<ErrorKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** {@return the partial result: the outcomes recorded before the run stopped} */
    public RunResult result() {
        return result;
    }
}
