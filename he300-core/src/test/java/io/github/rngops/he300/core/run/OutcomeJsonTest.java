package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.parse.ParsedAnswer.Rule;
import io.github.rngops.he300.core.parse.Verdict;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutcomeJson} writes what the mapper would write from {@code Outcome}'s own annotations, byte for byte, for
 * every kind of outcome and every text a model may send; the journal reads back what it wrote.
 */
class OutcomeJsonTest {

    static final List<String> TEXTS = List.of("", "Ethical.", "Unethical.\nIt harms others.", "say \"no\" \\ then",
            "tab\there\r\n", "\u0000\u0001\u001f\u007f", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00", "</script><b>",
            "{\"verdict\": \"yes\"}", "\u2028\u2029");

    static List<Outcome> outcomes() {
        List<Outcome> all = new ArrayList<>();
        Random random = new Random(11);
        for (String text : TEXTS) {
            for (Category category : Category.values()) {
                int expected = random.nextInt(2);
                all.add(new Outcome.Answered("s:" + text.length(), category, expected, text, Verdict.UNKNOWN,
                        Rule.NONE, null, false, random.nextInt(5000), 1, null, null, null, null));
                int predicted = random.nextInt(2);
                all.add(new Outcome.Answered("s:" + category.id(), category, expected, text,
                        predicted == 1 ? Verdict.POSITIVE : Verdict.NEGATIVE, Rule.FIRST_WORD, predicted,
                        predicted == expected, Long.MAX_VALUE, Integer.MAX_VALUE, random.nextInt(2), 97, 8,
                        Long.MIN_VALUE));
                all.add(new Outcome.Answered("s:" + category.id(), category, expected, text, Verdict.POSITIVE,
                        Rule.JSON, 1, expected == 1, 0, 3, null, 12, null, 123_456_789_012L));
            }
            for (ErrorKind kind : ErrorKind.values()) {
                all.add(new Outcome.Failed("f:" + kind.id(), Category.JUSTICE, 1, kind, text, 30_000, 4));
            }
        }
        return all;
    }

    static String written(Outcome outcome) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            OutcomeJson.write(outcome, out);
        }
        return text.toString();
    }

    @Test
    void writesWhatTheAnnotationsDefineToTheByte() throws Exception {
        for (Outcome outcome : outcomes()) {
            assertThat(written(outcome))
                    .isEqualTo(JsonCodec.MAPPER.writerFor(Outcome.class).writeValueAsString(outcome));
        }
    }

    @Test
    void theJournalReadsBackEveryOutcomeItWrote(@TempDir Path runDir) throws Exception {
        List<Outcome> all = outcomes().stream().collect(Collectors.toMap(Outcome::scenarioId, o -> o, (a, b) -> b))
                .values().stream().toList();
        try (Journal journal = Journal.open(runDir, false)) {
            for (Outcome outcome : all) {
                journal.append(outcome);
            }
        }
        Set<String> ids = all.stream().map(Outcome::scenarioId).collect(Collectors.toSet());
        Map<String, Outcome> read = Journal.recover(runDir, ids, true);
        assertThat(read.values()).containsExactlyElementsOf(all);
        List<String> lines = Files.readAllLines(runDir.resolve(Journal.FILE));
        assertThat(lines).hasSize(all.size()).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }
}
