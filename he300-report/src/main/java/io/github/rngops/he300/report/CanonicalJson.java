package io.github.rngops.he300.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme of RFC 8785: the one byte sequence that any JSON text with the same data
 * canonicalizes to, so that a signature over it survives re-indentation and member reordering but not a change of
 * any value.
 *
 * <ul>
 *   <li>no whitespace between tokens;</li>
 *   <li>object members sorted by their names compared as arrays of UTF-16 code units;</li>
 *   <li>strings with the minimal escapes: {@code \"}, {@code \\}, {@code \b \t \n \f \r}, other controls below
 *       U+0020 as &#92;u00xx (lower-case hex); everything else as itself, in UTF-8;</li>
 *   <li>numbers as IEEE 754 doubles written as ECMAScript writes them ({@code 1e+30}, {@code 4.5}, {@code 0.002},
 *       {@code 1e-7}); integers beyond 2^53 lose precision as they do in ECMAScript;</li>
 *   <li>{@code true}, {@code false}, {@code null} as themselves.</li>
 * </ul>
 *
 * <pre>{@code
 * byte[] canonical = CanonicalJson.canonicalize("{\"b\": 1.50, \"a\": [true]}");   // {"a":[true],"b":1.5}
 * }</pre>
 *
 * <p>Input that RFC 8785 rules out is refused: duplicate member names, numbers too large for a double, strings
 * with lone surrogates.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of the JSON text {@code json}.
     *
     * @throws IllegalArgumentException if {@code json} is not JSON, or is JSON that RFC 8785 cannot canonicalize
     */
    public static byte[] canonicalize(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("not JSON: no value");
        }
        return canonicalize(tree);
    }

    /** {@return the canonical UTF-8 bytes of {@code tree}} */
    public static byte[] canonicalize(JsonNode tree) {
        StringBuilder out = new StringBuilder(1024);
        write(tree, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@return the canonical text of {@code json}} */
    public static String canonicalText(String json) {
        return new String(canonicalize(json), StandardCharsets.UTF_8);
    }

    /** {@return a double as RFC 8785 (and ECMAScript) writes it: {@code 1e+21}, {@code 0.000001}, {@code 1e-7}} */
    public static String number(double value) {
        return EcmaNumber.format(value);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(Map.Entry.comparingByKey()); // String.compareTo compares UTF-16 code units
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                double value = node.isIntegralNumber() && node.canConvertToLong() ? (double) node.longValue()
                        : node.isIntegralNumber() ? node.bigIntegerValue().doubleValue() : node.decimalValue().doubleValue();
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("number " + node.asText() + " is too large for JSON's doubles");
                }
                out.append(EcmaNumber.format(value));
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("cannot canonicalize a " + node.getNodeType() + " node");
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(String.format("string has a lone surrogate U+%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
