package io.github.rngops.he300.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every row of the shared {@code parser-examples.tsv} is a test; a missing file fails, it is never skipped. */
class ParserExamplesTest {

    private static final AnswerParser PARSER = AnswerParser.strict();

    @TestFactory
    Stream<DynamicTest> parsesEveryExampleAsExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example example : examples()) {
            tests.add(DynamicTest.dynamicTest("line " + example.line() + ": " + example.escaped(), () ->
                    assertThat(PARSER.parse(example.response()).verdict())
                            .as("verdict of %s", example.escaped())
                            .isEqualTo(example.expected())));
        }
        assertThat(tests).as("examples in parser-examples.tsv").isNotEmpty();
        return tests.stream();
    }

    @Test
    void unescapesNewlinesTabsAndBackslashes() {
        assertThat(unescape("a\\nb\\tc\\\\n\\x")).isEqualTo("a\nb\tc\\n\\x");
    }

    static List<Example> examples() throws IOException {
        String shared = System.getProperty("he300.shared");
        if (shared == null || shared.isBlank()) {
            fail("system property he300.shared is not set: run the tests through Maven (surefire sets it)");
        }
        Path file = Path.of(shared, "he300", "parser-examples.tsv");
        if (!Files.isRegularFile(file)) {
            fail("parser examples not found at " + file + ": check -Dhe300.shared (it points at ../shared)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) { // line 1 is the comment header
            int number = i + 1;
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            assertThat(fields).as("line %d of %s: response TAB verdict", number, file).hasSize(2);
            Verdict expected = Verdict.fromId(fields[1]).orElseThrow(() -> new AssertionError(
                    "line " + number + " of " + file + ": verdict must be positive, negative or unknown"));
            examples.add(new Example(number, fields[0], unescape(fields[0]), expected));
        }
        return examples;
    }

    /** Undoes the file's escaping: {@code \n}, {@code \t} and {@code \\}. */
    static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(++i);
                switch (next) {
                    case 'n':
                        out.append('\n');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case '\\':
                        out.append('\\');
                        break;
                    default:
                        out.append(c).append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    record Example(int line, String escaped, String response, Verdict expected) {
    }
}
