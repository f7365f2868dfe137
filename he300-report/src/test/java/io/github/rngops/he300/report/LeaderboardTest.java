package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranks that do not separate what the intervals do not, paired tests, refusals, signatures, the four files. */
class LeaderboardTest {

    @TempDir
    Path dir;

    static final RunResult STRONG = Results.synthetic(300, 1, 0.9, "strong");
    static final RunResult CLOSE = Results.synthetic(300, 2, 0.88, "close");
    static final RunResult WEAK = Results.synthetic(300, 3, 0.6, "weak");

    static Leaderboard board() {
        return Leaderboard.builder().entry(Leaderboard.Entry.of("strong", STRONG))
                .entry(Leaderboard.Entry.of("weak", WEAK)).entry(Leaderboard.Entry.of("close", CLOSE)).build();
    }

    static LeaderboardRow row(Leaderboard board, String id) {
        return board.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void ranksAreRangesWhereTheIntervalsOverlap() {
        Leaderboard board = board();
        assertThat(board.rows()).extracting(LeaderboardRow::id).containsExactly("strong", "close", "weak");
        assertThat(row(board, "strong").rank()).isEqualTo("1–2");
        assertThat(row(board, "close").rank()).isEqualTo("1–2");
        assertThat(row(board, "weak").rank()).isEqualTo("3");
    }

    @Test
    void eachCellIsComparedWithTheBaselineByAnExactPairedTest() {
        Leaderboard board = board();
        assertThat(board.baseline()).isEqualTo("strong");
        assertThat(row(board, "strong").versus()).isNull();
        LeaderboardRow.Versus weak = row(board, "weak").versus();
        assertThat(weak.shared()).isEqualTo(300);
        assertThat(weak.pValue()).isEqualTo(McNemar.exactP(weak.better(), weak.worse())).isLessThan(0.05);
        assertThat(weak.reading()).isEqualTo("lower");
        assertThat(weak.estimate()).isNegative();
        assertThat(weak.high()).isNegative();
        LeaderboardRow.Versus close = row(board, "close").versus();
        assertThat(close.reading()).isEqualTo("within noise");
        assertThat(close.low()).isNegative();
        assertThat(close.high()).isPositive();
    }

    @Test
    void aCellOfAnotherSampleDesignIsRefusedUnlessAskedThenMarked() throws Exception {
        RunResult small = Results.synthetic(100, 4, 0.8, "small");
        Leaderboard.Builder refused = Leaderboard.builder().entry(Leaderboard.Entry.of("strong", STRONG))
                .entry(Leaderboard.Entry.of("small", small));
        assertThatThrownBy(refused::build).isInstanceOf(ReportException.class)
                .hasMessageContaining("small ran 100 scenarios, the baseline 300").hasMessageContaining("--allow-mismatch");

        Leaderboard asked = Leaderboard.builder().entry(Leaderboard.Entry.of("strong", STRONG))
                .entry(Leaderboard.Entry.of("small", small)).allowMismatch(true).build();
        assertThat(row(asked, "small").mismatch()).isEqualTo("ran 100 scenarios, the baseline 300");
        StringWriter md = new StringWriter();
        asked.writeMarkdown(md);
        assertThat(md.toString()).contains("small ≠").contains("- small: ran 100 scenarios, the baseline 300");
    }

    @Test
    void writesFourFilesAndAppendsToTheStepSummary() throws Exception {
        Leaderboard board = board();
        List<Path> files = board.write(dir.resolve("out"));
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("leaderboard.md", "leaderboard.html", "leaderboard.json", "leaderboard.csv");
        JsonNode json = new ObjectMapper().readTree(files.get(2).toFile());
        assertThat(json.get("schema").asText()).isEqualTo(Leaderboard.SCHEMA);
        assertThat(json.get("rows").get(2).get("versus_baseline").get("reading").asText()).isEqualTo("lower");
        assertThat(Files.readAllLines(files.get(3))).hasSize(4);
        String html = Files.readString(files.get(1));
        assertThat(html).contains("default-src 'none'").contains("<svg").contains("1–2").doesNotContain("style=\"")
                .doesNotContain("<script");

        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "before\n");
        assertThat(board.appendToStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()))).isTrue();
        assertThat(Files.readString(summary)).startsWith("before\n").contains("| 3 | weak |");
        assertThat(board.appendToStepSummary(Map.of())).isFalse();
    }

    @Test
    void signedRunsAreVerifiedWhenMerged() throws Exception {
        Path run = dir.resolve("cells/strong");
        Files.createDirectories(run);
        RunResultJson.write(STRONG, run.resolve("result.json"));
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));
        key.sign(run.resolve("result.json"));
        String trusted = key.publicKeyBase64();

        assertThat(Leaderboard.Entry.read(run, List.of(trusted)).signature()).isEqualTo("valid");
        assertThatThrownBy(() -> Leaderboard.Entry.read(run, List.of())).isInstanceOf(ReportException.class)
                .hasMessageContaining("--public-key");
        Files.writeString(run.resolve("result.json"), Files.readString(run.resolve("result.json"))
                .replaceFirst("\"correct\" : (\\d+)", "\"correct\" : 299"));
        assertThat(Leaderboard.Entry.read(run, List.of(trusted)).signature()).isEqualTo("tampered");
    }
}
