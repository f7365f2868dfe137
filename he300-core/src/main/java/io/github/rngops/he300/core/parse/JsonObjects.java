package io.github.rngops.he300.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON object the way the reference's Python {@code json.loads} does, keeping of each member only what a
 * decision needs: {@link Boolean}, {@link String}, {@link #ZERO}, {@link #NON_ZERO} (integers), or {@link #OTHER}
 * (null, floats, arrays, objects).
 *
 * <p>It streams with Jackson rather than building a tree: fast, and it sees the literal text of each number, which
 * is how it matches Python where Jackson alone would not. Like Python: the whole text must be one value (trailing
 * data fails), a repeated key keeps its last value, {@code NaN}, {@code Infinity} and {@code -Infinity} are numbers
 * but Jackson's other spellings ({@code +Infinity}, {@code -INF}) are not, an integer of more than 4300 digits fails
 * (CPython 3.11's {@code int_max_str_digits}), and strings, names and numbers have no length limit.
 */
final class JsonObjects {

    /** An integer member equal to zero. */
    static final Object ZERO = new Marker("0");
    /** An integer member other than zero. */
    static final Object NON_ZERO = new Marker("non-zero integer");
    /** Any member that cannot decide: null, a float, an array or an object. */
    static final Object OTHER = new Marker("other");

    private static final int PYTHON_MAX_INT_DIGITS = 4300;
    private static final int PYTHON_MAX_DEPTH = 995;
    private static final Set<String> PYTHON_CONSTANTS = Set.of("NaN", "Infinity", "-Infinity");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Model output must not fill the JVM-wide intern table.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    // Where CPython 3.11's recursion limit (1000) stops json.loads called from a shallow stack;
                    // a deeper caller there stops a little sooner.
                    .maxNestingDepth(PYTHON_MAX_DEPTH)
                    .build())
            .build();

    private JsonObjects() {
    }

    /** The members of {@code text} if all of it is one JSON object; empty if it is anything else or invalid. */
    static Optional<Map<String, Object>> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Map<String, Object> members = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                members.put(name, member(parser, parser.nextToken()));
            }
            // The loop ended at the object's end (Jackson rejects anything else); now nothing may follow.
            return parser.nextToken() == null ? Optional.of(members) : Optional.empty();
        } catch (IOException | NotPython e) {
            return Optional.empty();
        }
    }

    private static Object member(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return isZero(checkedInteger(parser)) ? ZERO : NON_ZERO;
            case VALUE_NUMBER_FLOAT:
                checkFloat(parser);
                return OTHER;
            case START_OBJECT:
            case START_ARRAY:
                checkNested(parser);
                return OTHER;
            default:
                return OTHER;
        }
    }

    /** Reads to the end of the container just opened, checking its numbers as Python would read them. */
    private static void checkNested(JsonParser parser) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw NotPython.INSTANCE;
            } else if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_INT) {
                checkedInteger(parser);
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                checkFloat(parser);
            }
        }
    }

    private static String checkedInteger(JsonParser parser) throws IOException {
        String text = parser.getText();
        int digits = text.startsWith("-") ? text.length() - 1 : text.length();
        if (digits > PYTHON_MAX_INT_DIGITS) {
            throw NotPython.INSTANCE;
        }
        return text;
    }

    // JSON forbids leading zeros, so the only zero integers are these two.
    private static boolean isZero(String integer) {
        return integer.equals("0") || integer.equals("-0");
    }

    private static void checkFloat(JsonParser parser) throws IOException {
        String text = parser.getText();
        char first = text.charAt(0);
        boolean numeral = isAsciiDigit(first) || (first == '-' && text.length() > 1 && isAsciiDigit(text.charAt(1)));
        if (!numeral && !PYTHON_CONSTANTS.contains(text)) {
            throw NotPython.INSTANCE;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Valid for Jackson, refused by Python: thrown and caught here only, so it carries no stack trace. */
    private static final class NotPython extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPython INSTANCE = new NotPython();

        private NotPython() {
            super("not valid for Python's json.loads", null, false, false);
        }
    }
}
