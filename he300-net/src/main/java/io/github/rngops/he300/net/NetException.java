package io.github.rngops.he300.net;

import io.github.rngops.he300.core.He300Exception;

/**
 * A network setting was refused, or a tool's output could not be read. {@link #field()} names the setting as a
 * person would find it ({@code Peer[1].AllowedIPs}, {@code allowlist[3]}, {@code interface name}); the message says
 * what was wrong with the value and how to fix it. Nothing is written or run before validation passes.
 */
public final class NetException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** The refused setting, or the tool whose output could not be read: what {@link #field()} returns. */
    private final String field;

    private NetException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@return the refused setting, or what was being read} */
    public String field() {
        return field;
    }

    /**
     * A setting with a bad value; the message is {@code field: problem}.
     *
     * @param field the setting as a person finds it in a file or call, like {@code Peer[1].AllowedIPs}
     * @param problem what is wrong with the value and how to fix it; never the value of a secret
     * @return the exception, for the caller to throw
     */
    public static NetException invalid(String field, String problem) {
        return new NetException(field, field + ": " + problem);
    }

    /**
     * A tool printed something he300 cannot read (a newer version, the wrong command, an error page).
     *
     * @param tool the command whose output it was, like {@code wg show wg0 dump}; it becomes {@link #field()}
     * @param where the place in the output, like {@code line 3} or {@code top level}
     * @param problem what was expected and what was found
     * @return the exception, for the caller to throw
     */
    public static NetException unreadable(String tool, String where, String problem) {
        return new NetException(tool, "cannot read the output of " + tool + " (" + where + "): " + problem);
    }
}
