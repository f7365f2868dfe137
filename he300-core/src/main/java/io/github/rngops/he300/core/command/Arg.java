package io.github.rngops.he300.core.command;

import java.util.Objects;

/**
 * One value of a {@link Command}: an argument or an environment value. A secret one is used as it is when the
 * command runs and shown as {@value #MASK} everywhere else ({@link #toString()}, {@link Command#displayLine()}).
 *
 * @param value the real value, used only to run the command
 * @param secret whether displays must mask it
 */
public record Arg(String value, boolean secret) {
    /** What a secret looks like wherever a command is shown. */
    public static final String MASK = "****";

    /**
     * Checks the components, as the class description says of each.
     *
     * @param value the real value, used only to run the command
     * @param secret whether displays must mask it
     */
    public Arg {
        Objects.requireNonNull(value, "value");
    }

    /**
     * {@return a value that may be shown}
     *
     * @param value the argument or environment value; not null
     */
    public static Arg of(String value) {
        return new Arg(value, false);
    }

    /**
     * {@return a value that is never shown: a key, a password, a token}
     *
     * @param value the secret; not null
     */
    public static Arg secret(String value) {
        return new Arg(value, true);
    }

    /** {@return the value as displays show it: itself, or {@value #MASK} if secret} */
    public String shown() {
        return secret ? MASK : value;
    }

    @Override
    public String toString() {
        return shown();
    }
}
