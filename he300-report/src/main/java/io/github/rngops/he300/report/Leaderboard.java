package io.github.rngops.he300.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Many runs ranked: one row per cell (a model on a host with a seed) with overall and per-category accuracy and
 * their 95% intervals, unknown and error rates, latency and throughput, and each cell's difference from a baseline
 * cell with its interval and an exact McNemar test on the scenarios both ran. Ranks are ranges: a cell is only
 * placed above another when their intervals do not overlap.
 *
 * <pre>{@code
 * Leaderboard board = Leaderboard.builder().directories(runDirs).trustedKeys(keys).baseline("gpu-a.llama3-2.s42")
 *         .build();
 * board.write(Path.of("out"));     // leaderboard.md, .html, .json, .csv
 * }</pre>
 *
 * <p>Cells are refused as a comparison when their sample design differs from the baseline's (protocol version, size,
 * categories, dataset checksums: seeds may differ, the sampler draws from the same population), unless
 * {@link Builder#allowMismatch(boolean)} asks for it; the rows that differ are then marked.
 */
public final class Leaderboard {

    /** The file a sweep writes beside each cell's run, naming the cell. */
    public static final String CELL_FILE = "cell.json";
    /** Its schema. */
    public static final String CELL_SCHEMA = "he300.cell/1";
    /** The schema of {@code leaderboard.json}. */
    public static final String SCHEMA = "he300.leaderboard/1";
    /** Base name of the files. */
    public static final String NAME = "leaderboard";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final List<Entry> entries;
    private final Entry baseline;
    private final List<LeaderboardRow> rows;

    private Leaderboard(String title, List<Entry> entries, Entry baseline, List<LeaderboardRow> rows) {
        this.title = title;
        this.entries = entries;
        this.baseline = baseline;
        this.rows = rows;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the title, {@code HE-300 leaderboard} unless the builder set one} */
    public String title() {
        return title;
    }

    /** {@return the rows, best first} */
    public List<LeaderboardRow> rows() {
        return rows;
    }

    /** {@return the baseline cell's id} */
    public String baseline() {
        return baseline.id();
    }

    /** {@return whether any row's answers came from the simulator} */
    public boolean simulated() {
        return rows.stream().anyMatch(LeaderboardRow::simulated);
    }

    /**
     * Writes {@code leaderboard.md}, {@code .html}, {@code .json} and {@code .csv} into {@code directory}.
     *
     * @param directory where to write them; created if missing
     * @return the four files
     * @throws ReportException if the directory cannot be created or a file cannot be written
     */
    public List<Path> write(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ReportException.cannotWrite(directory, e);
        }
        List<Path> files = new ArrayList<>();
        Path md = directory.resolve(NAME + ".md");
        Reports.atomically(md, out -> LeaderboardText.markdown(this, out));
        Path html = directory.resolve(NAME + ".html");
        Reports.atomically(html, out -> LeaderboardHtml.write(this, out));
        Path json = directory.resolve(NAME + ".json");
        Reports.atomically(json, out -> LeaderboardText.json(this, out));
        Path csv = directory.resolve(NAME + ".csv");
        Reports.atomically(csv, out -> LeaderboardText.csv(this, out));
        files.addAll(List.of(md, html, json, csv));
        return files;
    }

    /**
     * Writes the Markdown table alone.
     *
     * @param out where to write it; flushed, not closed
     * @throws IOException if writing fails
     */
    public void writeMarkdown(Writer out) throws IOException {
        LeaderboardText.markdown(this, out);
        out.flush();
    }

    /**
     * Appends the Markdown to the file {@code GITHUB_STEP_SUMMARY} names in {@code environment}, if it names one.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return whether it was appended
     * @throws ReportException if the file cannot be written
     */
    public boolean appendToStepSummary(Map<String, String> environment) {
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return false;
        }
        Path file = Path.of(summary);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            writeMarkdown(out);
            out.write("\n");
        } catch (IOException e) {
            throw ReportException.cannotWrite(file, e);
        }
        return true;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Categories any row has, in protocol order. */
    List<Category> categories() {
        TreeSet<Category> all = new TreeSet<>();
        rows.forEach(r -> all.addAll(r.categories().keySet()));
        return List.copyOf(all);
    }

    /**
     * One run on the leaderboard.
     *
     * @param id the cell id (from {@code cell.json}, else the directory's name)
     * @param host where it ran (from {@code cell.json}, else the URL's host)
     * @param model the model as the result names it (or the cell file)
     * @param quantization the quantization, or null
     * @param seed the seed, or null
     * @param result the run's result
     * @param signature {@code valid}, {@code unknown key}, {@code tampered} or {@code unsigned}
     */
    public record Entry(String id, String host, String model, String quantization, String seed, RunResult result,
            String signature) {
        /**
         * Checks that id, host, model, result and signature are given.
         *
         * @param id the cell id
         * @param host where it ran
         * @param model the model
         * @param quantization the quantization, or null
         * @param seed the seed, or null
         * @param result the run's result
         * @param signature {@code valid}, {@code unknown key}, {@code tampered} or {@code unsigned}
         */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(signature, "signature");
        }

        /**
         * An entry labelled from the result alone: host from its URL, model, quantization and seed from the result,
         * signature {@code unsigned}.
         *
         * @param id the cell id
         * @param result the run's result
         * @return the entry
         */
        public static Entry of(String id, RunResult result) {
            return new Entry(id, host(result.environment().url()), result.settings().model(),
                    result.environment().quantization(), result.spec().seed(), result, "unsigned");
        }

        /**
         * The run in {@code directory}: its {@code result.json}, labelled by its {@code cell.json} when there is one,
         * its signature ({@code result.json.sig}) checked against {@code trustedKeys} when there is one.
         *
         * @param directory the run directory
         * @param trustedKeys public keys a signature may be made by (base64 or PEM text)
         * @return the entry
         * @throws ReportException if there is no result, or a signature is present and no key is trusted
         */
        public static Entry read(Path directory, Collection<String> trustedKeys) {
            Path resultFile = directory.resolve("result.json");
            if (!Files.isRegularFile(resultFile)) {
                throw new ReportException(directory + " holds no result.json: give run directories (a sweep's"
                        + " cells/<id>) or the output of a finished run");
            }
            RunResult result = RunResultJson.read(resultFile);
            String signature = "unsigned";
            if (Files.exists(Path.of(resultFile + ".sig"))) {
                if (trustedKeys.isEmpty()) {
                    throw new ReportException(resultFile + " is signed: pass the signer's public key"
                            + " (--public-key) so the signature can be checked");
                }
                Verification check = Verification.verify(resultFile, trustedKeys);
                signature = switch (check.status()) {
                    case VALID -> "valid";
                    case UNKNOWN_KEY -> "unknown key";
                    case TAMPERED -> "tampered";
                };
            }
            Entry entry = of(directory.getFileName().toString(), result);
            Path cell = directory.resolve(CELL_FILE);
            if (Files.isRegularFile(cell)) {
                try {
                    JsonNode node = JSON.readTree(cell.toFile());
                    if (CELL_SCHEMA.equals(node.path("schema").asText())) {
                        entry = new Entry(node.path("id").asText(entry.id()), node.path("host").asText(entry.host()),
                                node.path("model").asText(entry.model()), node.hasNonNull("quantization")
                                ? node.get("quantization").asText() : entry.quantization(),
                                node.path("seed").asText(entry.seed()), result, signature);
                    }
                } catch (IOException e) {
                    throw ReportException.cannotRead(cell, e);
                }
            }
            return new Entry(entry.id(), entry.host(), entry.model(), entry.quantization(), entry.seed(), result,
                    signature);
        }

        private static String host(String url) {
            try {
                String host = URI.create(url).getHost();
                return host == null ? url : host;
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }

    /** Sets up a {@link Leaderboard}; at least one entry is required. */
    public static final class Builder {
        private String title = "HE-300 leaderboard";
        private final List<Entry> entries = new ArrayList<>();
        private final List<String> trustedKeys = new ArrayList<>();
        private final List<Path> directories = new ArrayList<>();
        private String baseline;
        private boolean allowMismatch;

        private Builder() {
        }

        /**
         * The title; {@code HE-300 leaderboard} by default.
         *
         * @param value the title
         * @return this builder
         */
        public Builder title(String value) {
            title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * Adds an entry already read.
         *
         * @param value the entry
         * @return this builder
         */
        public Builder entry(Entry value) {
            entries.add(Objects.requireNonNull(value, "entry"));
            return this;
        }

        /**
         * Run directories, read when {@link #build()} is called (after the trusted keys are known).
         *
         * @param values the directories, added to any given before
         * @return this builder
         */
        public Builder directories(Collection<Path> values) {
            directories.addAll(values);
            return this;
        }

        /**
         * Public keys that signed results may be signed by (base64 or PEM text).
         *
         * @param values the keys, added to any given before
         * @return this builder
         */
        public Builder trustedKeys(Collection<String> values) {
            trustedKeys.addAll(values);
            return this;
        }

        /**
         * The cell every other is compared with; the first entry by default.
         *
         * @param cellId the baseline cell's id
         * @return this builder
         */
        public Builder baseline(String cellId) {
            baseline = cellId;
            return this;
        }

        /**
         * Compare cells whose sample design differs from the baseline's anyway, marking them; false by default.
         *
         * @param value whether to allow it
         * @return this builder
         */
        public Builder allowMismatch(boolean value) {
            allowMismatch = value;
            return this;
        }

        /**
         * Reads the directories and ranks every entry against the baseline.
         *
         * @return the leaderboard
         * @throws ReportException if there are no entries, two share an id, the baseline is unknown, or cells differ
         *     from the baseline's sample design and that was not allowed
         */
        public Leaderboard build() {
            List<Entry> all = new ArrayList<>(entries);
            for (Path directory : directories) {
                all.add(Entry.read(directory, trustedKeys));
            }
            if (all.isEmpty()) {
                throw new ReportException("a leaderboard needs at least one run");
            }
            Map<String, Entry> byId = new HashMap<>();
            for (Entry entry : all) {
                if (byId.putIfAbsent(entry.id(), entry) != null) {
                    throw new ReportException("two runs are both cell " + entry.id() + ": give each cell once");
                }
            }
            Entry base = baseline == null ? all.get(0) : byId.get(baseline);
            if (base == null) {
                throw new ReportException("no cell " + baseline + " to use as the baseline (cells: "
                        + String.join(", ", new TreeSet<>(byId.keySet())) + ")");
            }
            Map<String, String> mismatches = new HashMap<>();
            for (Entry entry : all) {
                String why = Ranking.mismatch(base.result(), entry.result());
                if (why != null) {
                    mismatches.put(entry.id(), why);
                }
            }
            if (!mismatches.isEmpty() && !allowMismatch) {
                String first = mismatches.keySet().stream().sorted().findFirst().orElseThrow();
                throw new ReportException(mismatches.size() + " cell(s) cannot be compared with the baseline "
                        + base.id() + ": " + first + " " + mismatches.get(first) + "; compare them anyway with"
                        + " --allow-mismatch (they are marked)");
            }
            return new Leaderboard(title, List.copyOf(all), base, Ranking.rows(all, base, mismatches));
        }
    }
}
