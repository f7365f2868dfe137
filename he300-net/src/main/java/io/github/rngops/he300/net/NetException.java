package io.github.rngops.he300.net;

import io.github.rngops.he300.core.He300Exception;

/**
 * A network setting was refused, or a tool's output could not be read. {@link #field()} names the setting as a
 * person would find it ({@code Peer[1].AllowedIPs}, {@code allowlist[3]}, {@code interface name}); the message says
 * what was wrong with the value and how to fix it. Nothing is written or run before validation passes.
 */
public class NetException extends He300Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    protected NetException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@return the refused setting, or what was being read} */
    public String field() {
        return field;
    }

    /** {@return {@code field} has a bad value; {@code problem} says why and how to fix it} */
    public static NetException invalid(String field, String problem) {
        return new NetException(field, field + ": " + problem);
    }

    /** {@return the output of {@code tool} could not be read at {@code where}} */
    public static NetException unreadable(String tool, String where, String problem) {
        return new NetException(tool, "cannot read the output of " + tool + " (" + where + "): " + problem);
    }
}
