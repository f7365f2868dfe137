package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs an HE-300 sample against a {@link Target}: the same scheduling, journal, parsing and scoring for every target.
 *
 * <pre>{@code
 * RunEngine engine = RunEngine.builder()
 *         .target(target)
 *         .concurrency(8)
 *         .batchTimeout(Duration.ofMinutes(2))
 *         .build();
 * RunResult result = engine.start(RunPlan.of(sample, GenerationSettings.of("llama3.2")), runDir).await();
 * }</pre>
 *
 * <p>The engine cuts the sample into batches of at most {@link Target#maxBatch()} scenarios, keeps up to
 * {@code concurrency} of them in flight, and gives each {@code batchTimeout}: past it, the batch's unanswered
 * scenarios fail with {@code timeout} and a late answer is ignored. Every scenario ends with exactly one outcome.
 * With a run directory, each outcome is appended to {@code outcomes.jsonl} as it arrives, beside a
 * {@code manifest.json} written when the run starts and a {@code result.json} written when it ends; a run killed at any
 * moment continues with {@link #resume(Path)}, sending only what has no outcome yet.
 *
 * <p>If the first {@code failFast} outcomes all fail with the same {@link io.github.rngops.he300.core.ErrorKind}, the
 * run stops with a {@link RunFailedException} that says which. Past the whole-run {@code deadline} it stops like
 * {@link Run#stop} with no grace. The engine prints nothing: progress goes to {@link ProgressListener}s.
 *
 * <p>Immutable and reusable: each {@code start} is a new run with its own threads, which end with it.
 */
public final class RunEngine {

    /** Default batches in flight. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Default fail-fast threshold. */
    public static final int DEFAULT_FAIL_FAST = 10;
    /** Default wait for one batch. */
    public static final Duration DEFAULT_BATCH_TIMEOUT = Duration.ofMinutes(5);
    /** Default largest share of failed outcomes a successful run may have: 5%. */
    public static final double DEFAULT_MAX_FAILED = 0.05;

    private final Config config;

    private RunEngine(Config config) {
        this.config = config;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts {@code plan} without a journal: nothing is written, nothing can be resumed. Returns at once; the run
     * goes on in the engine's threads.
     *
     * @param plan what to run
     * @return the run in progress
     * @throws He300Exception if the target's {@link Target#maxBatch()} is below 1
     */
    public Run start(RunPlan plan) {
        Objects.requireNonNull(plan, "plan");
        Environment environment = Environment.of(config.target().describe());
        Execution execution = new Execution(config, plan, settings(plan), environment, null, null, Map.of());
        execution.start();
        return new Run(execution);
    }

    /**
     * Starts {@code plan} with its manifest, journal and result in {@code runDir}, which is created if needed. Returns
     * once the manifest is written; the run goes on in the engine's threads.
     *
     * @param plan what to run
     * @param runDir the run directory: new, or without a manifest or journal
     * @return the run in progress
     * @throws He300Exception if {@code runDir} already holds a run, or cannot be written, or the target's
     *     {@link Target#maxBatch()} is below 1
     */
    public Run start(RunPlan plan, Path runDir) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(runDir, "runDir");
        Environment environment = Environment.of(config.target().describe());
        RunSettings settings = settings(plan);
        Journal journal;
        try {
            Files.createDirectories(runDir);
            if (Files.exists(runDir.resolve(RunManifest.FILE)) || Files.exists(runDir.resolve(Journal.FILE))) {
                throw new He300Exception(runDir + " already holds a run: resume it (--resume " + runDir
                        + ") or choose another output directory");
            }
            RunSpec spec = RunSpec.of(plan.sample());
            new RunManifest(RunManifest.SCHEMA, config.clock().instant(), spec, plan.sample().scenarios(), settings,
                    environment).write(runDir);
            journal = Journal.open(runDir, config.sync());
        } catch (IOException e) {
            throw new He300Exception("cannot write the run directory " + runDir + ": " + e.getMessage(), e);
        }
        Execution execution = new Execution(config, plan, settings, environment, runDir, journal, Map.of());
        execution.start();
        return new Run(execution);
    }

    /**
     * Continues the run in {@code runDir} and sends its failed scenarios again: {@code resume(runDir,
     * FailedOutcomes.SEND_AGAIN)}.
     *
     * @param runDir a run directory written by {@link #start(RunPlan, Path)}
     * @return the continued run
     * @throws He300Exception as {@link #resume(Path, FailedOutcomes)} says
     */
    public Run resume(Path runDir) {
        return resume(runDir, FailedOutcomes.SEND_AGAIN);
    }

    /**
     * Continues the run in {@code runDir}: the same sample, prompts, parser and generation settings (from its
     * manifest), sending the scenarios that have no outcome in its journal and, unless {@code failed} says to keep
     * them, those whose outcome is a failure. A torn last journal line (a crash mid-write) is dropped. The journal is
     * rewritten (atomically) when it holds anything but one kept outcome per scenario: a duplicate line, or failures
     * that are sent again. The result holds each scenario once, as an uninterrupted run's would.
     *
     * @param runDir a run directory written by {@link #start(RunPlan, Path)}
     * @param failed whether outcomes that are failures are kept or sent again
     * @return the continued run
     * @throws He300Exception if {@code runDir} holds no run, its journal is damaged, or this engine's target is of
     *     another kind or serves another model digest than the run's
     */
    public Run resume(Path runDir, FailedOutcomes failed) {
        Objects.requireNonNull(failed, "failed");
        RunManifest manifest = RunManifest.read(runDir);
        RunPlan plan = manifest.plan();
        TargetInfo target = config.target().describe();
        checkSameTarget(runDir, manifest.environment(), target);
        Set<String> ids = Set.copyOf(manifest.spec().scenarioIds());
        Map<String, Outcome> journaled;
        Journal journal;
        try {
            journaled = Journal.recover(runDir, ids, failed == FailedOutcomes.KEEP);
            journal = Journal.open(runDir, config.sync());
        } catch (IOException e) {
            throw new He300Exception("cannot read or append to the journal in " + runDir + ": " + e.getMessage(), e);
        }
        checkSameScenarios(runDir, manifest.scenarios(), journaled);
        Execution execution = new Execution(config, plan, settings(plan), Environment.of(target), runDir, journal,
                journaled);
        execution.start();
        return new Run(execution);
    }

    private static void checkSameTarget(Path runDir, Environment recorded, TargetInfo now) {
        if (!recorded.targetKind().equals(now.kind())) {
            throw new He300Exception("the run in " + runDir + " ran against a " + recorded.targetKind()
                    + " target; resume it with the same kind, not " + now.kind());
        }
        if (recorded.modelDigest() != null && now.modelDigest() != null
                && !recorded.modelDigest().equals(now.modelDigest())) {
            throw new He300Exception("the run in " + runDir + " ran model digest " + recorded.modelDigest()
                    + "; the target now serves " + now.modelDigest() + ": start a new run instead of resuming");
        }
    }

    private static void checkSameScenarios(Path runDir, List<Scenario> scenarios, Map<String, Outcome> journaled) {
        Map<String, Scenario> byId = scenarios.stream().collect(Collectors.toMap(Scenario::id, s -> s));
        for (Outcome outcome : journaled.values()) {
            Scenario scenario = byId.get(outcome.scenarioId());
            if (scenario.category() != outcome.category() || scenario.expectedLabel() != outcome.expectedLabel()) {
                throw new He300Exception("the journal in " + runDir + " disagrees with its manifest about scenario "
                        + outcome.scenarioId() + ": the journal belongs to another run");
            }
        }
    }

    private RunSettings settings(RunPlan plan) {
        int maxBatch = config.target().maxBatch();
        if (maxBatch < 1) {
            throw new He300Exception("the target's largest batch must be at least 1, was " + maxBatch);
        }
        return new RunSettings(plan.generation().model(), plan.generation().options(), plan.prompts().id(),
                plan.parser().mode(), config.concurrency(), maxBatch, config.batchTimeout().toMillis(),
                config.deadline() == null ? null : config.deadline().toMillis(), config.failFast(),
                config.maxFailed());
    }

    /** The engine's settings. */
    record Config(Target target, int concurrency, Duration batchTimeout, Duration deadline, int failFast,
            double maxFailed, Clock clock, List<ProgressListener> listeners, boolean sync) {
    }

    /** Builds a {@link RunEngine}; each method checks its argument at once. Only the target is required. */
    public static final class Builder {
        private Target target;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration batchTimeout = DEFAULT_BATCH_TIMEOUT;
        private Duration deadline;
        private int failFast = DEFAULT_FAIL_FAST;
        private double maxFailed = DEFAULT_MAX_FAILED;
        private Clock clock = Clock.systemUTC();
        private final List<ProgressListener> listeners = new ArrayList<>();
        private boolean sync;

        private Builder() {
        }

        /**
         * Sets what to run against. Required.
         *
         * @param target what to run against
         * @return this builder
         */
        public Builder target(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Sets how many batches may be in flight at once; default {@value RunEngine#DEFAULT_CONCURRENCY}.
         *
         * @param concurrency at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Sets how long to wait for one batch before its unanswered scenarios fail with timeout; default 5 minutes.
         *
         * @param batchTimeout how long to wait for one batch before its unanswered scenarios fail with timeout
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder batchTimeout(Duration batchTimeout) {
            this.batchTimeout = positive("batchTimeout", batchTimeout);
            return this;
        }

        /**
         * Sets a deadline for the whole run, after which it stops like {@link Run#stop} with no grace; default none.
         *
         * @param deadline how long the whole run may take, counted from its start; positive
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive("deadline", deadline);
            return this;
        }

        /**
         * Stop when the first {@code failFast} outcomes all fail with the same error kind; 0 turns it off; default
         * {@value RunEngine#DEFAULT_FAIL_FAST}.
         *
         * @param failFast how many first outcomes must all fail alike to stop the run; 0 for never
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder failFast(int failFast) {
            if (failFast < 0) {
                throw new IllegalArgumentException("failFast must be 0 (off) or more, was " + failFast);
            }
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets the largest share of failed outcomes (0..1) with which the run still counts as a success; recorded in
         * the result's settings as {@code max_failed} for whoever judges it. Default
         * {@value RunEngine#DEFAULT_MAX_FAILED}.
         *
         * @param maxFailed a share in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if it is outside [0, 1] or NaN
         */
        public Builder maxFailed(double maxFailed) {
            if (!(maxFailed >= 0 && maxFailed <= 1)) {
                throw new IllegalArgumentException("maxFailed must be in [0, 1], was " + maxFailed);
            }
            this.maxFailed = maxFailed;
            return this;
        }

        /**
         * Sets the clock for timestamps, latency of engine-made failures, rate and ETA; default UTC system clock.
         *
         * @param clock the clock for timestamps, latency of engine-made failures, rate and ETA
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a listener for progress events; listeners are called in the order added, as
         * {@link ProgressListener} says.
         *
         * @param listener the listener; not null
         * @return this builder
         */
        public Builder listener(ProgressListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Whether to force each journal line to the disk ({@code fsync}) before going on; default false. A line is
         * always handed to the operating system before the next outcome, which survives the process being killed;
         * syncing also survives the machine losing power, at the cost of one disk flush per scenario.
         *
         * @param sync whether to {@code fsync} every journal line
         * @return this builder
         */
        public Builder sync(boolean sync) {
            this.sync = sync;
            return this;
        }

        /**
         * {@return the {@link RunEngine} these settings describe}
         *
         * @throws IllegalStateException if no target was given
         */
        public RunEngine build() {
            if (target == null) {
                throw new IllegalStateException("a RunEngine needs a target: call target(..) before build()");
            }
            return new RunEngine(new Config(target, concurrency, batchTimeout, deadline, failFast, maxFailed, clock,
                    List.copyOf(listeners), sync));
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
