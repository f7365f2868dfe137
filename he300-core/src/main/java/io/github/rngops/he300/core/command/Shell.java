package io.github.rngops.he300.core.command;

/**
 * POSIX shell quoting. A word in single quotes is taken literally by every POSIX shell: nothing inside is expanded,
 * not even a backslash or a newline. A single quote itself is written as {@code '\''} (close, escaped quote,
 * reopen).
 */
public final class Shell {
    private Shell() {}

    /**
     * {@return {@code value} as one single-quoted shell word; the empty string becomes {@code ''}}
     *
     * @param value any text without a NUL byte
     * @throws CommandException if it holds a NUL byte, which no shell word can carry
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw CommandException.invalid("a shell word cannot contain a NUL byte");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
