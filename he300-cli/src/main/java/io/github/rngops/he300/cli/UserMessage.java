package io.github.rngops.he300.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exception's message as a user reads it: the first message found along the causes, on one line, with the Java
 * names libraries put into their messages ({@code java.time.format.DateTimeParseException: }, {@code class
 * java.time.Duration}, Jackson's {@code (through reference chain: …)}) taken out. The type names are for the stack
 * trace, which {@code --debug} prints.
 */
final class UserMessage {
    /** picocli's "cannot convert 'x' to class a.b.Type (a.b.SomeException: detail)". */
    private static final Pattern CANNOT_CONVERT = Pattern.compile(
            "cannot convert '(.*)' to (?:class|interface|enum)? ?(?:[\\w$]+\\.)*([\\w$]+) \\((?:(?:[\\w$]+\\.)*[\\w$]+:"
                    + " ?)?(.*)\\)", Pattern.DOTALL);
    /** A qualified type name, with the colon that follows it in a toString(). */
    private static final Pattern QUALIFIED = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*`?(?::\\s*)?");
    /** A simple exception or error type name followed by a colon, as Throwable.toString() writes it. */
    private static final Pattern THROWABLE = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error):\\s*");
    /** Jackson's trailers: where in the source, the reference chain. */
    private static final Pattern JACKSON = Pattern.compile(
            "\\s*(?:\\n\\s*)?(?:at \\[Source: [^]]*]|\\(through reference chain: [^)]*\\)|\\(for Object starting at"
                    + " \\[Source: [^]]*]\\)|\\(or activate [^)]*\\))");

    private UserMessage() {}

    /** The message of {@code error}, or of its first cause that has one; else what kind of failure the root was. */
    static String of(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return clean(t.getMessage());
            }
            root = t;
        }
        return kind(root);
    }

    /** {@code text} on one line without Java type names. */
    static String clean(String text) {
        String cleaned = text;
        Matcher convert = CANNOT_CONVERT.matcher(cleaned);
        if (convert.find()) {
            String detail = convert.group(3).strip();
            cleaned = cleaned.substring(0, convert.start()) + "'" + convert.group(1) + "' is not a valid "
                    + typeWords(convert.group(2)) + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + cleaned.substring(convert.end());
        }
        cleaned = JACKSON.matcher(cleaned).replaceAll("");
        cleaned = QUALIFIED.matcher(cleaned).replaceAll("");
        cleaned = THROWABLE.matcher(cleaned).replaceAll("");
        cleaned = cleaned.replaceAll("\\s*\\R\\s*", " ").strip();
        return cleaned.isEmpty() ? "failed" : cleaned;
    }

    /** {@code UnknownHostException} → "unknown host": the type's words, for a failure that carries no message. */
    private static String kind(Throwable error) {
        String name = error.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return typeWords(name);
    }

    private static String typeWords(String typeName) {
        return typeName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
