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
     * Reads {@code file}.
     *
     * @throws io.github.rngops.he300.core.config.ConfigException naming file, line, column and key of every problem
     */
    public static Sweep read(Path file) {
        return SweepReader.read(file);
    }

    /** Reads {@code yaml}, named {@code fileName} in messages; a credentials file is relative to {@code baseDir}. */
    public static Sweep parse(String fileName, String yaml, Path baseDir) {
        return SweepReader.parse(fileName, yaml, baseDir);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The host of that name. */
    public Optional<Host> host(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst();
    }

    /** The cells, grouped by host (in file order) and, on each host, by model, so each model loads once. */
    public SweepPlan plan() {
        return SweepPlan.of(this);
    }

    /** The sample design of one cell: this sweep's, with the cell's seed. */
    SampleSpec sampleFor(Cell cell) {
        return sample.toBuilder().seed(cell.seed()).build();
    }

    /** A cell the file lists: host, model name and seed. */
    public record CellRef(String host, String model, BigInteger seed) {
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

        /** 256 tokens, the target's 5-minute request timeout, fail fast after 10, {@code /api/generate}. */
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

        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a sweep's name must not be blank");
            }
            name = value.strip();
            return this;
        }

        /** Adds a host; names are unique. */
        public Builder host(Host host) {
            Objects.requireNonNull(host, "host");
            if (hosts.putIfAbsent(host.name(), host) != null) {
                throw new IllegalArgumentException("host " + host.name() + " is given twice");
            }
            return this;
        }

        public Builder model(Model model) {
            models.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        public Builder seeds(long... values) {
            for (long value : values) {
                seed(BigInteger.valueOf(value));
            }
            return this;
        }

        public Builder seed(BigInteger value) {
            Objects.requireNonNull(value, "seed");
            if (value.signum() < 0) {
                throw new IllegalArgumentException("a seed is a non-negative integer, was " + value);
            }
            seeds.add(value);
            return this;
        }

        /** The sample design: size, categories, protocol version (its seed is ignored: each cell has its own). */
        public Builder sample(SampleSpec value) {
            sample = Objects.requireNonNull(value, "sample");
            return this;
        }

        /** A sample of {@code size} scenarios of {@code version} over {@code categories} (empty for all). */
        public Builder sample(ProtocolVersion version, int size, List<Category> categories) {
            return sample(SampleSpec.builder().version(version).size(size)
                    .categories(categories.isEmpty() ? Category.all() : categories).build());
        }

        public Builder run(RunOptions value) {
            run = Objects.requireNonNull(value, "run");
            return this;
        }

        /** Lists a cell; once one is listed, only the listed cells run. */
        public Builder cell(String host, String model, long seed) {
            cells.add(new CellRef(host, model, BigInteger.valueOf(seed)));
            return this;
        }

        public Builder cell(CellRef cell) {
            cells.add(Objects.requireNonNull(cell, "cell"));
            return this;
        }

        /** The cell id the leaderboard compares every cell with; the plan's first cell by default. */
        public Builder baseline(String cellId) {
            baseline = Objects.requireNonNull(cellId, "baseline");
            return this;
        }

        /** @throws IllegalArgumentException if a host, model or seed is missing, or the plan is not consistent */
        public Sweep build() {
            Sweep sweep = new Sweep(name, new ArrayList<>(hosts.values()), models, new ArrayList<>(seeds), sample, run,
                    cells, baseline);
            sweep.plan();
            return sweep;
        }
    }
}
