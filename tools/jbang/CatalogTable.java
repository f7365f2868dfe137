import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a jbang-catalog.json's aliases as tab-separated lines, {@code name<TAB>script-ref<TAB>description}, in
 * catalog order, for ./he300 to read without a JSON parser of its own.
 *
 * <p>Needs nothing but a JDK, so that {@code ./he300 --help} on a fresh clone downloads nothing:
 * {@code java tools/jbang/CatalogTable.java jbang-catalog.json}. It reads JSON (RFC 8259) with a small parser of
 * its own. Exits 1 on a catalog that is not JSON or has an alias without a script-ref.
 */
public class CatalogTable {
    private final String text;
    private int at;

    private CatalogTable(String text) {
        this.text = text;
    }

    public static void main(String... args) throws Exception {
        Path catalog = Path.of(args[0]);
        Object root;
        try {
            CatalogTable parser = new CatalogTable(Files.readString(catalog, StandardCharsets.UTF_8));
            root = parser.value();
            parser.space();
            if (parser.at != parser.text.length()) {
                throw parser.error("text after the JSON value");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(catalog + ": not JSON: " + e.getMessage());
            System.exit(1);
            return;
        }
        Object aliases = root instanceof Map<?, ?> map ? map.get("aliases") : null;
        StringBuilder out = new StringBuilder();
        if (aliases instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> alias : entries.entrySet()) {
                Object ref = alias.getValue() instanceof Map<?, ?> fields ? fields.get("script-ref") : null;
                if (!(ref instanceof String)) {
                    System.err.println(catalog + ": alias '" + alias.getKey() + "' has no script-ref");
                    System.exit(1);
                }
                Object description = ((Map<?, ?>) alias.getValue()).get("description");
                out.append(oneField((String) alias.getKey())).append('\t')
                        .append(oneField((String) ref)).append('\t')
                        .append(oneField(description instanceof String d ? d : "")).append('\n');
            }
        }
        System.out.print(out);
    }

    /** Tabs and line breaks would split the table, so they become spaces. */
    private static String oneField(String value) {
        return value.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    // ---- JSON: objects (in order), arrays, strings, and the other literals as their text ----------------------

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at);
        if (c == '{') {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                return object;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                object.put(key, value());
                space();
            } while (peek(','));
            expect('}');
            return object;
        }
        if (c == '[') {
            at++;
            space();
            if (peek(']')) {
                return "";
            }
            do {
                value();
                space();
            } while (peek(','));
            expect(']');
            return "";
        }
        if (c == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String literal = text.substring(start, at);
        if (!literal.matches("true|false|null|-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            at = start;
            throw error("a value");
        }
        return literal;
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("the end of a string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("no control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escape = at < text.length() ? text.charAt(at++) : 0;
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("four hex digits after \\u");
                    }
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("a valid escape");
            }
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
    }

    private IllegalArgumentException error(String expected) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(at, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + column + ": expected " + expected);
    }
}
