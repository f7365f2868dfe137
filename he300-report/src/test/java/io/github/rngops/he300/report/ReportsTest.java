package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.run.Ending;
import io.github.rngops.he300.core.run.Environment;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import io.github.rngops.he300.core.run.RunSettings;
import io.github.rngops.he300.core.run.RunSpec;
import io.github.rngops.he300.core.run.Timing;
import io.github.rngops.he300.core.score.Scoring;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    private static RunResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        result = Results.realistic();
    }

    /** A small complete result of exactly {@code outcomes}. */
    static RunResult resultOf(List<Outcome> outcomes) {
        List<Scenario> scenarios = outcomes.stream().map(o -> new Scenario(o.scenarioId(), o.category(),
                "input of " + o.scenarioId(), o.expectedLabel())).collect(Collectors.toList());
        RunSpec spec = new RunSpec("1.0", "42", outcomes.size(), List.of(Category.COMMONSENSE),
                outcomes.stream().map(Outcome::scenarioId).collect(Collectors.toList()),
                List.of(new DatasetFile(Category.COMMONSENSE, "cd".repeat(32), 10, 10, true)), true);
        Instant start = Instant.parse("2026-05-01T12:00:00Z");
        return new RunResult(RunResult.SCHEMA, spec, new RunSettings("m", Map.of(), "ciris-v1", "strict", 1, 1, 1000,
                null, 0), new Environment("ollama", "http://h:1", null, null, null, false, Map.of(), "r", "17"),
                Scoring.summarize(scenarios, outcomes), Timing.of(start, start.plusSeconds(3), outcomes.size(), 0),
                true, Ending.COMPLETED, outcomes);
    }

    @Test
    void writesEveryFormatUnderItsName() throws Exception {
        List<Path> written = Reports.builder().name("run-1").build().render(result, EnumSet.allOf(Format.class), dir);

        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("run-1.json",
                "run-1-summary.json", "run-1.md", "run-1.html", "run-1-junit.xml", "run-1.csv");
        assertThat(RunResultJson.read(dir.resolve("run-1.json"))).isEqualTo(result);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("run-1.html")).toString()).contains("OTHERS_READ");
    }

    @Test
    void writesASmallSummaryJson() throws Exception {
        Reports.write(result, EnumSet.of(Format.JSON), dir);

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("result-summary.json").toFile());
        assertThat(summary.get("schema").asText()).isEqualTo("he300.summary/1");
        assertThat(summary.get("result_file").asText()).isEqualTo("result.json");
        assertThat(summary.get("simulated").asBoolean()).isTrue();
        assertThat(summary.get("total").asInt()).isEqualTo(300);
        assertThat(summary.get("accuracy").asDouble()).isEqualTo(result.summary().accuracy());
        assertThat(summary.get("interval_95")).hasSize(2);
        assertThat(summary.get("categories")).hasSize(5);
        assertThat(Files.size(dir.resolve("result-summary.json"))).isLessThan(4096);
    }

    @Test
    void writesOneCsvRowPerScenarioThatReadsBack() throws Exception {
        Reports.builder().inputs(InputTexts.of(Results.sample(300, 42).scenarios())).build()
                .render(result, EnumSet.of(Format.CSV), dir);

        String text = Files.readString(dir.resolve("result.csv"));
        assertThat(text).contains("\r\n");
        try (Reader in = new StringReader(text)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords();
            assertThat(rows).hasSize(300);
            for (int i = 0; i < rows.size(); i++) {
                Outcome outcome = result.outcomes().get(i);
                CSVRecord row = rows.get(i);
                assertThat(row.get("scenario_id")).isEqualTo(outcome.scenarioId());
                assertThat(row.get("correct")).isEqualTo(Boolean.toString(outcome.correct()));
                assertThat(row.get("input")).isNotEmpty();
                if (outcome instanceof Outcome.Answered answered) {
                    assertThat(row.get("answer")).isEqualTo(answered.text()); // quotes, commas, newlines intact
                }
            }
        }
    }

    @Test
    void appendsTheMarkdownToTheGithubStepSummary() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        Reports reports = Reports.builder().environment(Map.of("GITHUB_STEP_SUMMARY", summary.toString())).build();

        reports.render(result, EnumSet.of(Format.MARKDOWN, Format.JUNIT), dir.resolve("out"));

        String text = Files.readString(summary);
        assertThat(text).startsWith("earlier step\n# HE-300 result: llama3.2:3b");
        assertThat(text).contains("| **overall** | 300 |");
        reports.render(result, EnumSet.of(Format.JUNIT), dir.resolve("out"));
        assertThat(Files.readString(summary)).isEqualTo(text); // only Markdown goes there
    }

    @Test
    void leavesTheStepSummaryAloneWithoutTheVariable() {
        Reports.builder().build().render(result, EnumSet.of(Format.MARKDOWN), dir);

        assertThat(dir.resolve("result.md")).exists();
    }

    @Test
    void theMarkdownHasTheTablesAndEscapesAnswers() throws Exception {
        StringWriter out = new StringWriter();
        Reports.builder().build().render(result, Format.MARKDOWN, out);
        String md = out.toString();

        assertThat(md).contains("# HE-300 result: llama3.2:3b (Q4\\_K\\_M) — SIMULATED", "> **Simulated run**",
                "| category | n | correct | accuracy | 95% CI | baseline | unknown | errors |",
                "## Worst categories", "## Settings", "## Environment", "| Seed | 42 |");
        for (Category category : Category.values()) {
            assertThat(md).contains("| " + category.id() + " | ");
        }
        // The simulated model's hostile answer: no raw HTML, no cell break, no code span.
        if (md.contains("onerror")) {
            assertThat(md).contains("&lt;img src=x onerror=alert(1)&gt; \\*\\*As an AI\\*\\* I \\| cannot judge"
                    + " \\`this\\`.");
        }
        assertThat(md).doesNotContain("<img");
        md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("|---")).forEach(line ->
                assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line)
                        .isIn(3L, 6L, 9L));
    }

    @Test
    void escapesMarkdownCells() {
        assertThat(Escape.markdownCell("a|b\nc *d* [x](y) <s> & `z`")).isEqualTo(
                "a\\|b c \\*d\\* \\[x\\](y) &lt;s&gt; &amp; \\`z\\`");
    }

    @Test
    void refusesUnknownFormatsAndNames() {
        assertThat(Format.parseList("html, md,junit")).containsExactly(Format.MARKDOWN, Format.HTML, Format.JUNIT);
        assertThat(Format.parseList("all")).hasSize(5);
        assertThatThrownBy(() -> Format.parseList("html,pdf")).isInstanceOf(ReportException.class)
                .hasMessage("unknown report format \"pdf\": use one or more of json,md,html,junit,csv "
                        + "(comma-separated), or all");
        assertThatThrownBy(() -> Reports.builder().name("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
