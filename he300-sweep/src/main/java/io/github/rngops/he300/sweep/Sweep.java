package io.github.rngops.he300.sweep;

import io.github.rngops.he300.client.target.TargetConfig;
import io.github.rngops.he300.client.target.Targets;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.sample.ProtocolVersion;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark sweep: models × hosts × seeds over one sample design, from {@code sweep.yaml} or built in Java. The
 * cells are the product of models, the hosts each may run on, and seeds, unless the sweep lists its cells.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.builder()
 *         .host(Host.of("gpu-a", TargetKind.OLLAMA, "http://gpu-a:11434").withConcurrency(4))
 *         .host(Host.of("gpu-b", TargetKind.OLLAMA, "http://gpu-b:11434"))
 *         .model(Model.of("llama3.2:3b"))
 *         .model(new Model("qwen2.5:7b", "Q4_K_M", List.of("gpu-b")))
 *         .seeds(42, 7)
 *         .build();
 * SweepPlan plan = sweep.plan();                 // 3 models-on-hosts × 2 seeds, grouped by host then model
 * Sweep same = Sweep.read(Path.of("sweep.yaml")); // ConfigException with file:line:col on any problem
 * }</pre>
 *
 * @param name what the sweep is called (the leaderboard's title)
 * @param hosts the hosts, by name, in file order
 * @param models the models, in file order
 * @param seeds the seeds, in file order
 * @param sample the sample design every cell shares (its seed is each cell's)
 * @param run how each cell runs
 * @param cells the cells the file lists; empty for the product
 * @param baseline the cell the leaderboard compares with; null for the first cell of the plan
 */
public record Sweep(String name, List<Host> hosts, List<Model> models, List<BigInteger> seeds, SampleSpec sample,
        RunOptions run, List<CellRef> cells, String baseline) {

    /**
     * Copies the lists and checks that there is at least one host, model and seed. Whether the cells fit together
     * (hosts a model names, listed cells, the baseline) is checked by {@link #plan()}, as {@link Builder#build()}
     * does.
     *
     * @param name what the sweep is called (the leaderboard's title)
     * @param hosts the hosts, by name, in file order
     * @param models the models, in file order
     * @param seeds the seeds, in file order
     * @param sample the sample design every cell shares (its seed is each cell's)
     * @param run how each cell runs
     * @param cells the cells the file lists; empty for the product
     * @param baseline the cell the leaderboard compares with; null for the first cell of the plan
     * @throws IllegalArgumentException if hosts, models or seeds are empty
     */
    public Sweep {
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(run, "run");
        cells = List.copyOf(cells);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one host");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one model");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
    }

    /**
     * Reads {@code file}; a credentials file it names is relative to the file's directory. Only names of credential
     * variables and files are read here, never their values.
     *
     * @param file a {@code sweep.yaml}, UTF-8
     * @return the sweep, its plan checked
     * @throws io.github.rngops.he300.core.config.ConfigException naming file, line, column and key of every problem
     *     (all of them at once), or the file if it cannot be read
     */
    public static Sweep read(Path file) {
        return SweepReader.read(file);
    }

    /**
     * Reads a sweep from text, as {@link #read} reads a file.
     *
     * @param fileName what messages call the text, like {@code sweep.yaml}
     * @param yaml the sweep in YAML
     * @param baseDir the directory a credentials file is relative to
     * @return the sweep, its plan checked
     * @throws io.github.rngops.he300.core.config.ConfigException naming line, column and key of every problem
     */
    public static Sweep parse(String fileName, String yaml, Path baseDir) {
        return SweepReader.parse(fileName, yaml, baseDir);
    }

    /** {@return a builder: name {@code sweep}, the default sample design and run options, no hosts, models or seeds} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the host of that name, if the sweep has it}
     *
     * @param hostName a host's {@link Host#name() name}
     */
    public Optional<Host> host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    /**
     * {@return the cells, grouped by host (in file order) and, on each host, by model, so each model loads once}
     *
     * @throws IllegalArgumentException if a model names a host the sweep lacks, a model is given twice, a listed cell
     *     names an unknown host or model, two cells get the same id, no cell is left, or the baseline is not a cell
     */
    public SweepPlan plan() {
        return SweepPlan.of(this);
    }

    /** The sample design of one cell: this sweep's, with the cell's seed. */
    SampleSpec sampleFor(Cell cell) {
        return sample.toBuilder().seed(cell.seed()).build();
    }

    /**
     * A cell the file lists: host, model name and seed.
     *
     * @param host the host's name
     * @param model the model's name, or its label with the quantization ({@code qwen2.5:7b (Q4_K_M)})
     * @param seed the sample's seed
     */
    public record CellRef(String host, String model, BigInteger seed) {
        /**
         * Checks that nothing is null; whether the names exist is checked by {@link Sweep#plan()}.
         *
         * @param host the host's name
         * @param model the model's name, or its label with the quantization
         * @param seed the sample's seed
         */
        public CellRef {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(seed, "seed");
        }
    }

    /**
     * How each cell runs.
     *
     * @param maxTokens the token limit sent with each generation
     * @param requestTimeout how long one request may take
     * @param failFast a cell stops when its first N outcomes all fail alike; 0 turns it off
     * @param chat Ollama: {@code /api/chat} instead of {@code /api/generate}
     */
    public record RunOptions(int maxTokens, Duration requestTimeout, int failFast, boolean chat) {
        /**
         * Checks the values.
         *
         * @param maxTokens the token limit sent with each generation, at least 1
         * @param requestTimeout how long one request may take; positive
         * @param failFast a cell stops when its first N outcomes all fail alike; 0 turns it off
         * @param chat Ollama: {@code /api/chat} instead of {@code /api/generate}
         * @throws IllegalArgumentException naming the value out of range
         */
        public RunOptions {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("max_tokens must be at least 1, was " + maxTokens);
            }
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + requestTimeout);
            }
            if (failFast < 0) {
                throw new IllegalArgumentException("fail_fast must be 0 (off) or more, was " + failFast);
            }
        }

        /** {@return 256 tokens, the target's 5-minute request timeout, fail fast after 10, {@code /api/generate}} */
        public static RunOptions ofDefaults() {
            return new RunOptions(Targets.DEFAULT_MAX_TOKENS, TargetConfig.DEFAULT_REQUEST_TIMEOUT,
                    RunEngine.DEFAULT_FAIL_FAST, false);
        }
    }

    /** Builds a {@link Sweep}; each method checks its argument at once, {@link #build()} the whole. */
    public static final class Builder {
        private String name = "sweep";
        private final Map<String, Host> hosts = new LinkedHashMap<>();
        private final List<Model> models = new ArrayList<>();
        private final LinkedHashSet<BigInteger> seeds = new LinkedHashSet<>();
        private SampleSpec sample = SampleSpec.ofDefaults();
        private RunOptions run = RunOptions.ofDefaults();
        private final List<CellRef> cells = new ArrayList<>();
        private String baseline;

        private Builder() {
        }

        /**
         * Sets what the sweep is called: the leaderboard's title and, by default, its directory's name; default
         * {@code sweep}.
         *
         * @param value a non-blank name; surrounding spaces are dropped
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a sweep's name must not be blank");
            }
            name = value.strip();
            return this;
        }

        /**
         * Adds a host; at least one is required.
         *
         * @param host the host, its name not used by another
         * @return this builder
         * @throws IllegalArgumentException if a host of that name was added before
         */
        public Builder host(Host host) {
            Objects.requireNonNull(host, "host");
            if (hosts.putIfAbsent(host.name(), host) != null) {
                throw new IllegalArgumentException("host " + host.name() + " is given twice");
            }
            return this;
        }

        /**
         * Adds a model; at least one is required.
         *
         * @param model the model, and the hosts that may serve it
         * @return this builder
         */
        public Builder model(Model model) {
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /**
         * Adds seeds; at least one is required, and a repeat is ignored.
         *
         * @param values non-negative seeds
         * @return this builder
         * @throws IllegalArgumentException naming the first negative one
         */
        public Builder seeds(long... values) {
            for (long value : values) {
                seed(BigInteger.valueOf(value));
            }
            return this;
        }

        /**
         * Adds a seed, which may exceed a {@code long} (as in {@code sweep.yaml}); a repeat is ignored.
         *
         * @param value a non-negative seed
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder seed(BigInteger value) {
            Objects.requireNonNull(value, "seed");
            if (value.signum() < 0) {
                throw new IllegalArgumentException("a seed is a non-negative integer, was " + value);
            }
            seeds.add(value);
            return this;
        }

        /**
         * Sets the sample design every cell shares; {@link SampleSpec#ofDefaults()} by default.
         *
         * @param value size, categories and protocol version; its seed is ignored (each cell has its own)
         * @return this builder
         */
        public Builder sample(SampleSpec value) {
            sample = Objects.requireNonNull(value, "sample");
            return this;
        }

        /**
         * Sets the sample design from its parts.
         *
         * @param version the protocol version whose sampling rules apply
         * @param size how many scenarios each cell runs
         * @param categories the categories drawn from; empty for all
         * @return this builder
         * @throws io.github.rngops.he300.core.sample.SampleSpecException if the size is below 1 or a category is
         *     given twice
         */
        public Builder sample(ProtocolVersion version, int size, List<Category> categories) {
            return sample(SampleSpec.builder().version(version).size(size)
                    .categories(categories.isEmpty() ? Category.all() : categories).build());
        }

        /**
         * Sets how each cell runs; {@link RunOptions#ofDefaults()} by default.
         *
         * @param value token limit, request timeout, fail fast, chat
         * @return this builder
         */
        public Builder run(RunOptions value) {
            run = Objects.requireNonNull(value, "run");
            return this;
        }

        /**
         * Lists a cell; once one is listed, only the listed cells run instead of the product.
         *
         * @param host a host's name
         * @param model a model's name, or its label with the quantization
         * @param seed the sample's seed
         * @return this builder
         */
        public Builder cell(String host, String model, long seed) {
            cells.add(new CellRef(host, model, BigInteger.valueOf(seed)));
            return this;
        }

        /**
         * Lists a cell, as {@link #cell(String, String, long)} does.
         *
         * @param cell host, model and seed
         * @return this builder
         */
        public Builder cell(CellRef cell) {
            cells.add(Objects.requireNonNull(cell, "cell"));
            return this;
        }

        /**
         * Sets the cell the leaderboard compares every cell with; the plan's first cell by default.
         *
         * @param cellId a cell's {@link Cell#id() id}, like {@code gpu-a.llama3.2-3b.s42}
         * @return this builder
         */
        public Builder baseline(String cellId) {
            baseline = Objects.requireNonNull(cellId, "baseline");
            return this;
        }

        /**
         * {@return the sweep these settings describe, its plan checked}
         *
         * @throws IllegalArgumentException if a host, model or seed is missing, or the plan is not consistent (as
         *     {@link Sweep#plan()} says)
         */
        public Sweep build() {
            Sweep sweep = new Sweep(name, new ArrayList<>(hosts.values()), models, new ArrayList<>(seeds), sample, run,
                    cells, baseline);
            sweep.plan();
            return sweep;
        }
    }
}
