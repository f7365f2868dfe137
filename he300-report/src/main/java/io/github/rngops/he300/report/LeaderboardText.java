package io.github.rngops.he300.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.score.Interval;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A {@link Leaderboard} as Markdown (the step summary too), JSON ({@value Leaderboard#SCHEMA}) and CSV. */
final class LeaderboardText {

    private LeaderboardText() {
    }

    static void markdown(Leaderboard board, Writer out) throws IOException {
        List<Category> categories = board.categories();
        out.write("## " + Escape.markdownCell(board.title()) + "\n\n");
        if (board.simulated()) {
            out.write("> **Simulated:** some answers came from the he300 simulator, not a model.\n\n");
        }
        out.write(board.rows().size() + " cells, compared with **" + Escape.markdownCell(board.baseline())
                + "**. Accuracy counts unknown answers and errors as wrong; 95% Wilson intervals. A rank is a range"
                + " where intervals overlap; a difference is *within noise* unless the exact McNemar test on the"
                + " shared scenarios (p < 0.05), or the interval when none are shared, separates it.\n\n");
        out.write("| rank | cell | model | host | seed | accuracy | 95% CI |");
        for (Category c : categories) {
            out.write(" " + c.id() + " |");
        }
        out.write(" unknown | errors | p50 | p95 | scen/s | vs baseline | McNemar p | reading |\n|---|---|---|---|---|"
                + "--:|--:|");
        out.write("--:|".repeat(categories.size()));
        out.write("--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (LeaderboardRow r : board.rows()) {
            out.write("| " + r.rank() + " | " + Escape.markdownCell(r.id()) + (r.mismatch() == null ? "" : " ≠")
                    + (r.signature().equals("valid") ? " ✓" : "") + " | " + Escape.markdownCell(r.modelLabel())
                    + " | " + Escape.markdownCell(r.host()) + " | " + Escape.markdownCell(orDash(r.seed())) + " | "
                    + Figures.percent(r.accuracy()) + " | " + ci(r.interval()) + " |");
            for (Category c : categories) {
                LeaderboardRow.Figure f = r.categories().get(c);
                out.write(" " + (f == null ? "–" : Figures.percent(f.accuracy())) + " |");
            }
            LeaderboardRow.Versus v = r.versus();
            out.write(" " + Figures.percent(r.unknownRate()) + " | " + Figures.percent(r.errorRate()) + " | "
                    + Figures.millis(r.p50Ms()) + " | " + Figures.millis(r.p95Ms()) + " | "
                    + String.format(Locale.ROOT, "%.1f", r.scenariosPerSecond()) + " | "
                    + (v == null ? "baseline" : Figures.points(v.estimate()) + " [" + Figures.points(v.low()) + ", "
                    + Figures.points(v.high()) + "]") + " | " + test(v) + " | " + (v == null ? "–" : v.reading())
                    + " |\n");
        }
        List<LeaderboardRow> marked = board.rows().stream().filter(r -> r.mismatch() != null).toList();
        if (!marked.isEmpty()) {
            out.write("\n≠ compared although the sample design differs from the baseline's:\n");
            for (LeaderboardRow r : marked) {
                out.write("- " + Escape.markdownCell(r.id()) + ": " + Escape.markdownCell(r.mismatch()) + "\n");
            }
        }
        if (board.rows().stream().anyMatch(r -> !r.signature().equals("unsigned"))) {
            out.write("\n✓ signature valid. Signatures: " + String.join(", ", board.rows().stream()
                    .map(r -> r.id() + " " + r.signature()).toList()) + "\n");
        }
        out.flush();
    }

    static void json(Leaderboard board, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", Leaderboard.SCHEMA);
            g.writeStringField("title", board.title());
            g.writeStringField("baseline", board.baseline());
            g.writeBooleanField("simulated", board.simulated());
            g.writeArrayFieldStart("rows");
            for (LeaderboardRow r : board.rows()) {
                g.writeStartObject();
                g.writeStringField("cell", r.id());
                g.writeStringField("host", r.host());
                g.writeStringField("model", r.model());
                if (r.quantization() != null) {
                    g.writeStringField("quantization", r.quantization());
                }
                if (r.seed() != null) {
                    g.writeStringField("seed", r.seed());
                }
                g.writeNumberField("rank_low", r.rankLow());
                g.writeNumberField("rank_high", r.rankHigh());
                g.writeNumberField("total", r.total());
                g.writeNumberField("accuracy", r.accuracy());
                interval(g, "interval", r.interval());
                g.writeObjectFieldStart("categories");
                for (var c : r.categories().entrySet()) {
                    g.writeObjectFieldStart(c.getKey().id());
                    g.writeNumberField("total", c.getValue().total());
                    g.writeNumberField("accuracy", c.getValue().accuracy());
                    interval(g, "interval", c.getValue().interval());
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeNumberField("unknown_rate", r.unknownRate());
                g.writeNumberField("error_rate", r.errorRate());
                g.writeNumberField("p50_ms", r.p50Ms());
                g.writeNumberField("p95_ms", r.p95Ms());
                g.writeNumberField("scenarios_per_second", r.scenariosPerSecond());
                if (r.tokensPerSecond() != null) {
                    g.writeNumberField("tokens_per_second", r.tokensPerSecond());
                }
                g.writeBooleanField("simulated", r.simulated());
                g.writeStringField("signature", r.signature());
                if (r.mismatch() != null) {
                    g.writeStringField("mismatch", r.mismatch());
                }
                LeaderboardRow.Versus v = r.versus();
                if (v != null) {
                    g.writeObjectFieldStart("versus_baseline");
                    g.writeNumberField("difference", v.estimate());
                    g.writeNumberField("low", v.low());
                    g.writeNumberField("high", v.high());
                    g.writeNumberField("shared", v.shared());
                    g.writeNumberField("better", v.better());
                    g.writeNumberField("worse", v.worse());
                    if (v.shared() > 0) {
                        g.writeNumberField("mcnemar_p", v.pValue());
                    }
                    g.writeStringField("reading", v.reading());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void csv(Leaderboard board, Writer out) throws IOException {
        List<Category> categories = board.categories();
        List<String> header = new ArrayList<>(List.of("rank_low", "rank_high", "cell", "model", "quantization", "host",
                "seed", "total", "accuracy", "ci_low", "ci_high"));
        categories.forEach(c -> header.addAll(List.of(c.id() + "_accuracy", c.id() + "_ci_low", c.id() + "_ci_high")));
        header.addAll(List.of("unknown_rate", "error_rate", "p50_ms", "p95_ms", "scenarios_per_second",
                "tokens_per_second", "difference", "difference_low", "difference_high", "shared", "better", "worse",
                "mcnemar_p", "reading", "mismatch", "signature", "simulated"));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(out, format);
        for (LeaderboardRow r : board.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.rankLow(), r.rankHigh(), r.id(), r.model(),
                    orEmpty(r.quantization()), r.host(), orEmpty(r.seed()), r.total(), r.accuracy(),
                    r.interval().low(), r.interval().high()));
            for (Category c : categories) {
                LeaderboardRow.Figure f = r.categories().get(c);
                row.addAll(f == null ? List.of("", "", "") : List.of(f.accuracy(), f.interval().low(),
                        f.interval().high()));
            }
            LeaderboardRow.Versus v = r.versus();
            row.addAll(List.of(r.unknownRate(), r.errorRate(), r.p50Ms(), r.p95Ms(), r.scenariosPerSecond(),
                    r.tokensPerSecond() == null ? "" : r.tokensPerSecond()));
            row.addAll(v == null ? List.of("", "", "", "", "", "", "", "baseline")
                    : List.of(v.estimate(), v.low(), v.high(), v.shared(), v.better(), v.worse(),
                            v.shared() == 0 ? "" : v.pValue(), v.reading()));
            row.addAll(List.of(orEmpty(r.mismatch()), r.signature(), r.simulated()));
            csv.printRecord(row);
        }
        csv.flush();
    }

    private static void interval(JsonGenerator g, String name, Interval interval) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("low", interval.low());
        g.writeNumberField("high", interval.high());
        g.writeEndObject();
    }

    static String ci(Interval interval) {
        return Figures.interval(interval.low(), interval.high());
    }

    /** {@code 0.012 (9/1 of 300)}: the p-value and the discordant counts; a dash when nothing is shared. */
    static String test(LeaderboardRow.Versus v) {
        if (v == null) {
            return "–";
        }
        return v.shared() == 0 ? "no shared scenarios" : p(v.pValue()) + " (" + v.better() + "/" + v.worse() + " of "
                + v.shared() + ")";
    }

    static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String orDash(String s) {
        return s == null ? "–" : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
