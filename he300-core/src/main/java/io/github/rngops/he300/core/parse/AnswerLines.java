package io.github.rngops.he300.core.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.core.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Parses answers given as JSON Lines, one verdict out per answer in: what {@code ./he300 parse} does.
 *
 * <pre>{@code
 * in:  {"response": "Unethical. It harms them.", "category": "commonsense"}
 * out: {"category":"commonsense","verdict":"negative","predicted_label":1,"rule":"first_word"}
 * }</pre>
 *
 * <p>{@code category} is optional (the default is given when building); an {@code id} member, if present, is
 * copied to the output first so that verdicts can be joined back. Blank lines are skipped. A line that cannot be
 * read stops the run with an {@link AnswerLineException} naming the line.
 */
public final class AnswerLines {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AnswerParser parser;
    private final Category defaultCategory;

    private AnswerLines(AnswerParser parser, Category defaultCategory) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.defaultCategory = Objects.requireNonNull(defaultCategory, "defaultCategory");
    }

    /** {@return the strict parser, with {@code commonsense} for lines that name no category} */
    public static AnswerLines ofDefaults() {
        return of(AnswerParser.strict(), Category.COMMONSENSE);
    }

    /**
     * {@return a reader that parses with {@code parser}, taking {@code defaultCategory} for lines that name none}
     *
     * @param parser the answer parser; not null
     * @param defaultCategory the category of a line without {@code "category"}; not null
     */
    public static AnswerLines of(AnswerParser parser, Category defaultCategory) {
        return new AnswerLines(parser, defaultCategory);
    }

    /**
     * Reads every line of {@code answers} and writes one JSON object per answer to {@code verdicts}, flushing after
     * each so that a pipe sees progress.
     *
     * @param answers JSON lines, one {@code {"response": ..., "category": ...}} each; blank lines are skipped and a
     *     leading byte order mark is ignored. Not closed here
     * @param verdicts receives one JSON object per answer; not closed here
     * @return how many answers were parsed
     * @throws AnswerLineException at the first line that is not an answer object
     * @throws IOException if reading or writing fails
     */
    public int parse(Reader answers, Writer verdicts) throws IOException {
        BufferedReader lines =
                answers instanceof BufferedReader ? (BufferedReader) answers : new BufferedReader(answers);
        int lineNumber = 0;
        int parsed = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            verdicts.write(JSON.writeValueAsString(parseLine(line, lineNumber)));
            verdicts.write('\n');
            verdicts.flush();
            parsed++;
        }
        return parsed;
    }

    private ObjectNode parseLine(String line, int lineNumber) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw AnswerLineException.notJson(lineNumber);
        }
        if (!node.isObject()) {
            throw AnswerLineException.notObject(lineNumber);
        }
        JsonNode response = node.get("response");
        if (response == null) {
            throw AnswerLineException.missingResponse(lineNumber);
        }
        if (!response.isTextual()) {
            throw AnswerLineException.notText(lineNumber, "response", kind(response));
        }
        Category category = category(node.get("category"), lineNumber);
        ParsedAnswer answer = parser.parse(response.textValue());

        ObjectNode out = JSON.createObjectNode();
        if (node.has("id")) {
            out.set("id", node.get("id"));
        }
        out.put("category", category.id());
        out.put("verdict", answer.verdict().id());
        OptionalInt label = answer.predictedLabel(category);
        if (label.isPresent()) {
            out.put("predicted_label", label.getAsInt());
        } else {
            out.putNull("predicted_label");
        }
        out.put("rule", answer.rule().id());
        return out;
    }

    private Category category(JsonNode value, int lineNumber) {
        if (value == null || value.isNull()) {
            return defaultCategory;
        }
        if (!value.isTextual()) {
            throw AnswerLineException.notText(lineNumber, "category", kind(value));
        }
        return Category.fromId(value.textValue())
                .orElseThrow(() -> AnswerLineException.unknownCategory(lineNumber, value.textValue()));
    }

    private static String kind(JsonNode value) {
        switch (value.getNodeType()) {
            case NULL:
                return "null";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            default:
                return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
