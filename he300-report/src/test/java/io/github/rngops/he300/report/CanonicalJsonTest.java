package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 examples, written out by hand from the RFC's text, and the rules they illustrate. */
class CanonicalJsonTest {

    /** Appendix B of RFC 8785: IEEE 754 bit patterns and the text ECMAScript (so JCS) writes for them. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void writesNumbersAsEcmaScriptDoes(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1e30, 1e+30", "4.50, 4.5", "2e-3, 0.002", "0.000000000000000000000000001, 1e-27", "1e21, 1e+21",
        "1e20, 100000000000000000000", "123456789012345680000, 123456789012345680000", "1e-6, 0.000001",
        "1e-7, 1e-7", "1.5e-7, 1.5e-7", "0.1, 0.1", "-0.0, 0", "100, 100", "1E2, 100", "12.0, 12", "5e-1, 0.5",
        "2.5e+25, 2.5e+25", "0.30000000000000004, 0.30000000000000004",
    })
    void switchesBetweenPlainAndExponentAtTheEcmaScriptThresholds(String json, String expected) {
        assertThat(CanonicalJson.canonicalText(json)).isEqualTo(expected);
    }

    @Test
    void everyWrittenNumberReadsBackAsTheSameDouble() {
        Random random = new Random(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = CanonicalJson.number(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            String digits = text.replaceFirst("^-", "").replaceFirst("e.*", "").replace(".", "")
                    .replaceFirst("^0+", "").replaceFirst("0+$", "");
            assertThat(digits.length()).as(text).isLessThanOrEqualTo(17);
        }
    }

    /** Section 3.2.2 of RFC 8785: the example input and its canonical form. */
    @Test
    void canonicalizesTheRfcExample() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";

        assertThat(CanonicalJson.canonicalText(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** Section 3.2.3 of RFC 8785: members sorted by UTF-16 code units, not by code points or bytes. */
    @Test
    void sortsMembersByUtf16CodeUnits() {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", "
                + "\"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", "
                + "\"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", "
                + "\"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";

        String canonical = CanonicalJson.canonicalText(input);

        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void writesUtf8AndEscapesOnlyWhatItMust() {
        byte[] bytes = CanonicalJson.canonicalize("[\"\\u00e9\\u0001\\t\\/<>\"]");

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("[\"é\\u0001\\t/<>\"]");
        assertThat(bytes).hasSize(17); // é is two bytes in UTF-8, \\u0001 six
    }

    @Test
    void ignoresWhitespaceAndMemberOrderButNotValues() {
        String a = CanonicalJson.canonicalText("{\"b\": [1, 2.0], \"a\": {\"y\": null, \"x\": \"t\"}}");
        String b = CanonicalJson.canonicalText("{\"a\":{\"x\":\"t\",\"y\":null},\"b\":[1,2]}");

        assertThat(a).isEqualTo(b).isEqualTo("{\"a\":{\"x\":\"t\",\"y\":null},\"b\":[1,2]}");
        assertThat(CanonicalJson.canonicalText("{\"b\":[1,3]}")).isNotEqualTo(CanonicalJson.canonicalText("{\"b\":[1,2]}"));
    }

    @Test
    void refusesWhatRfc8785RulesOut() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[1e400]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[\"\\ud800\"]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
