package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several results side by side (models, quantizations, hosts, seeds): their figures, the difference of each from
 * the first with a 95% interval ({@link Difference}: "within noise" when it contains 0), and the scenarios on which
 * they disagree (same scenario id, a different result: correct, wrong, unknown or error).
 *
 * <pre>{@code
 * Comparison comparison = Comparison.of(List.of(llama, qwen, mistral));
 * comparison.write(Path.of("out"), "comparison");          // out/comparison.md, out/comparison.html
 * comparison.differences().stream().filter(d -> !d.withinNoise()).forEach(System.out::println);
 * }</pre>
 *
 * <p>The figures are computed once, in one pass over the outcomes; the reports stream the disagreeing scenarios as
 * they find them, so a comparison of large results needs memory for the results and an index of their ids, never
 * for the reports' text.
 */
public final class Comparison {

    /** The report name when none is given: {@code comparison.md}, {@code comparison.html}. */
    public static final String DEFAULT_NAME = "comparison";

    private final List<RunResult> results;
    private final List<String> labels;
    private final List<Map<String, Outcome>> byId;
    private final List<Difference> differences;
    private final int shared;
    private final int disagreements;

    private Comparison(List<RunResult> results, List<String> labels) {
        this.results = List.copyOf(results);
        this.labels = List.copyOf(labels);
        this.byId = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, Outcome> index = new HashMap<>(result.outcomes().size() * 2);
            result.outcomes().forEach(o -> index.put(o.scenarioId(), o));
            byId.add(index);
        }
        int[][][] paired = new int[results.size()][Category.values().length + 1][2];
        int sharedCount = 0;
        int disagreeing = 0;
        Outcome[] row = new Outcome[results.size()];
        for (Outcome first : results.get(0).outcomes()) {
            if (!collect(first.scenarioId(), row)) {
                continue;
            }
            sharedCount++;
            if (disagree(row)) {
                disagreeing++;
            }
            for (int i = 1; i < row.length; i++) {
                if (row[i].correct() != first.correct()) {
                    int side = row[i].correct() ? 0 : 1;
                    paired[i][0][side]++;
                    paired[i][1 + first.category().ordinal()][side]++;
                }
            }
        }
        this.shared = sharedCount;
        this.disagreements = disagreeing;
        this.differences = differences(paired);
    }

    /**
     * Compares {@code results} (at least two), labelled by model, quantization and, where needed, seed.
     *
     * @param results the results, the first being the one the others are compared with
     * @return the comparison
     * @throws IllegalArgumentException if there are fewer than two results
     */
    public static Comparison of(List<RunResult> results) {
        return of(results, defaultLabels(results));
    }

    /**
     * Compares {@code results} (at least two) under the given labels, one per result, all different.
     *
     * @param results the results, the first being the one the others are compared with
     * @param labels what the tables and charts call each result, in the same order
     * @return the comparison
     * @throws IllegalArgumentException if there are fewer than two results, or the labels do not fit
     */
    public static Comparison of(List<RunResult> results, List<String> labels) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(labels, "labels");
        if (results.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two results, got " + results.size());
        }
        if (labels.size() != results.size() || new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("need one distinct label per result: " + results.size()
                    + " results, labels " + labels);
        }
        return new Comparison(results, labels);
    }

    /** Labels that tell the results apart: model (and quantization), then seed, then position if still equal. */
    static List<String> defaultLabels(List<RunResult> results) {
        List<String> labels = new ArrayList<>();
        for (RunResult result : results) {
            labels.add(Figures.model(result));
        }
        if (new HashSet<>(labels).size() < labels.size()) {
            for (int i = 0; i < labels.size(); i++) {
                labels.set(i, labels.get(i) + " · seed " + Figures.seed(results.get(i)));
            }
        }
        if (new HashSet<>(labels).size() < labels.size()) {
            for (int i = 0; i < labels.size(); i++) {
                labels.set(i, labels.get(i) + " · #" + (i + 1));
            }
        }
        return labels;
    }

    /** {@return the results compared, the first being the reference} */
    public List<RunResult> results() {
        return results;
    }

    /** {@return each result's label, in the results' order} */
    public List<String> labels() {
        return labels;
    }

    /** {@return for each result after the first, its difference from the first: overall, then per category both ran} */
    public List<Difference> differences() {
        return differences;
    }

    /** {@return how many scenarios of the first result every result ran} */
    public int shared() {
        return shared;
    }

    /** {@return how many shared scenarios the results do not all get the same result on} */
    public int disagreements() {
        return disagreements;
    }

    /**
     * Writes {@code <name>.md} and {@code <name>.html} into {@code directory} (created if missing).
     *
     * @param directory where to write
     * @param name the files' name without extension, e.g. {@code comparison}
     * @return the two files
     * @throws ReportException if they cannot be written
     */
    public List<Path> write(Path directory, String name) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ReportException.cannotWrite(directory, e);
        }
        Path markdown = directory.resolve(name + ".md");
        Path html = directory.resolve(name + ".html");
        Reports.atomically(markdown, this::writeMarkdown);
        Reports.atomically(html, this::writeHtml);
        return List.of(markdown, html);
    }

    /**
     * Writes the comparison as Markdown; at most {@link ComparisonMarkdown#ROWS} disagreeing scenarios are listed.
     *
     * @param out where to write it (flushed, not closed)
     * @throws IOException when {@code out} cannot be written
     */
    public void writeMarkdown(Writer out) throws IOException {
        ComparisonMarkdown.write(this, out);
        out.flush();
    }

    /**
     * Writes the comparison as one self-contained HTML page, every disagreeing scenario listed.
     *
     * @param out where to write it (flushed, not closed)
     * @throws IOException when {@code out} cannot be written
     */
    public void writeHtml(Writer out) throws IOException {
        ComparisonHtml.write(this, out);
        out.flush();
    }

    /** Calls {@code action} for each shared scenario on which the results disagree, in the first result's order. */
    void forEachDisagreement(DisagreementAction action) throws IOException {
        Outcome[] row = new Outcome[results.size()];
        for (Outcome first : results.get(0).outcomes()) {
            if (collect(first.scenarioId(), row) && disagree(row)) {
                action.accept(row);
            }
        }
    }

    /** What to do with the outcomes of one disagreeing scenario, one per result. */
    interface DisagreementAction {
        void accept(Outcome[] outcomes) throws IOException;
    }

    /** Categories any result has figures for, in protocol order. */
    Set<Category> categories() {
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        results.forEach(r -> r.summary().categories().forEach(c -> categories.add(c.category())));
        return categories;
    }

    static CategorySummary find(Summary summary, Category category) {
        return summary.categories().stream().filter(c -> c.category() == category).findFirst().orElse(null);
    }

    private boolean collect(String id, Outcome[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = byId.get(i).get(id);
            if (row[i] == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean disagree(Outcome[] row) {
        Row.Result first = Row.of(row[0]).result();
        for (int i = 1; i < row.length; i++) {
            if (Row.of(row[i]).result() != first) {
                return true;
            }
        }
        return false;
    }

    private List<Difference> differences(int[][][] paired) {
        List<Difference> list = new ArrayList<>();
        Summary base = results.get(0).summary();
        for (int i = 1; i < results.size(); i++) {
            Summary summary = results.get(i).summary();
            double[] d = Difference.newcombe(summary.correct(), summary.total(), base.correct(), base.total());
            list.add(new Difference(labels.get(i), "overall", d[0], d[1], d[2], paired[i][0][0], paired[i][0][1]));
            Map<Category, CategorySummary> mine = new EnumMap<>(Category.class);
            summary.categories().forEach(c -> mine.put(c.category(), c));
            for (CategorySummary theirs : base.categories()) {
                CategorySummary c = mine.get(theirs.category());
                if (c == null) {
                    continue;
                }
                double[] dc = Difference.newcombe(c.correct(), c.total(), theirs.correct(), theirs.total());
                int slot = 1 + c.category().ordinal();
                list.add(new Difference(labels.get(i), c.category().id(), dc[0], dc[1], dc[2], paired[i][slot][0],
                        paired[i][slot][1]));
            }
        }
        return List.copyOf(list);
    }
}
