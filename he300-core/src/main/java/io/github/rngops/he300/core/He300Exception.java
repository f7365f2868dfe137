package io.github.rngops.he300.core;

/**
 * The base of every exception he300 throws on purpose. Its message is written for a person: what is wrong and how
 * to fix it, in one line, so that a command can print it as it is and exit with code 2.
 */
public class He300Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message a person reads as it is.
     *
     * @param message what is wrong and how to fix it, one line
     */
    public He300Exception(String message) {
        super(message);
    }

    /**
     * An exception whose message a person reads as it is, with what caused it.
     *
     * @param message what is wrong and how to fix it, one line
     * @param cause the failure underneath, kept for stack traces; may be null
     */
    public He300Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
