package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.client.target.TargetConfig;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.client.target.Targets;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.run.FailedOutcomes;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.Run;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunFailedException;
import io.github.rngops.he300.core.run.RunManifest;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.report.Format;
import io.github.rngops.he300.report.InputTexts;
import io.github.rngops.he300.report.Reports;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * What {@code ./he300 benchmark} does, from parsed flags to exit code: choose the target, draw the sample (or read
 * the run to resume), open the target, run the engine with a progress display, stop cleanly on Ctrl-C, print the
 * table, and decide the exit code. The script only wires flags to this.
 */
public final class Benchmark {

    /** How long Ctrl-C waits for the requests in flight before writing the partial result. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** The exit code after Ctrl-C (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = 130;

    private final SampleOptions sampleOptions;
    private final DatasetOptions datasetOptions;
    private final BenchmarkOptions options;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean shutdownHook;

    /**
     * A benchmark command as the options describe it, not started yet.
     *
     * @param sampleOptions the sample to draw (size, seed, protocol version, categories)
     * @param datasetOptions where the ETHICS files are
     * @param options the target, output, limits and reports
     * @param env the environment: target URLs, credentials, the dataset and cache directories
     * @param out where the summary table goes
     * @param err where progress, warnings and the resume hint go
     * @param terminal whether standard error is a terminal (a redrawn bar) or not (plain lines)
     * @param shutdownHook whether Ctrl-C stops the run cleanly (off in tests, which share one JVM)
     */
    public Benchmark(SampleOptions sampleOptions, DatasetOptions datasetOptions, BenchmarkOptions options,
            Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal, boolean shutdownHook) {
        this.sampleOptions = Objects.requireNonNull(sampleOptions, "sampleOptions");
        this.datasetOptions = Objects.requireNonNull(datasetOptions, "datasetOptions");
        this.options = Objects.requireNonNull(options, "options");
        this.env = Map.copyOf(env);
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Runs the benchmark: checks the target, runs the sample, writes the run directory and reports, prints the table.
     *
     * @return the exit code: {@value Cli#OK}, {@value Cli#FAILURE} (failed, incomplete or below
     *     {@code --min-accuracy}), 130 after Ctrl-C
     * @throws He300Exception on bad usage or configuration, before anything is sent
     */
    public int run() {
        Double minAccuracy = ExitDecision.parseMinAccuracy(options.minAccuracy);
        double maxFailed = ExitDecision.parseMaxFailed(options.maxFailed);
        if (options.keepFailed && options.resume == null) {
            throw new He300Exception("--keep-failed applies to --resume only: add --resume DIR or drop it");
        }
        if (options.concurrency != null && options.concurrency < 1) {
            throw new He300Exception("--concurrency must be at least 1, was " + options.concurrency);
        }
        if (options.maxTokens < 1) {
            throw new He300Exception("--max-tokens must be at least 1, was " + options.maxTokens);
        }
        Set<Format> reports = options.report == null ? Set.of() : Format.parseList(options.report);
        Credentials credentials = CredentialSources.load(options.credentialsFile, env, err);
        Prepared prepared = options.resume != null ? prepareResume(credentials) : prepareNew(credentials);
        try (OpenTarget target = prepared.target) {
            return execute(prepared, target, minAccuracy, maxFailed, reports);
        }
    }

    private int execute(Prepared p, OpenTarget target, Double minAccuracy, double maxFailed, Set<Format> reports) {
        int concurrency = options.concurrency != null ? options.concurrency
                : target.suggestedConcurrency().orElse(RunEngine.DEFAULT_CONCURRENCY);
        ProgressPrinter progress = new ProgressPrinter(err, terminal, Clock.systemUTC());
        RunEngine.Builder engine = RunEngine.builder().target(target).concurrency(concurrency)
                .batchTimeout(p.choice.batchTimeout(p.requestTimeout, options.deadline)).failFast(options.failFast)
                .maxFailed(maxFailed).listener(progress);
        if (options.deadline != null) {
            engine.deadline(options.deadline);
        }
        out.println("he300 benchmark: " + p.scenarios.size() + " scenarios against " + p.choice.kind().id()
                + (target.describe().simulated() ? " (SIMULATED)" : "") + " at " + target.describe().url()
                + ", model " + target.model() + ", concurrency " + concurrency + ", max failed "
                + ConsoleSummary.percent(maxFailed) + " (target: " + p.choice.reason() + ")");
        out.println((options.resume != null ? "resuming " : "run directory: ") + p.runDir);
        out.flush();
        Run run = options.resume != null
                ? engine.build().resume(p.runDir, options.keepFailed ? FailedOutcomes.KEEP : FailedOutcomes.SEND_AGAIN)
                : engine.build().start(p.plan, p.runDir);

        AtomicBoolean reported = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (reported.compareAndSet(false, true)) {
                RunResult partial;
                try {
                    partial = run.stop(STOP_GRACE);
                } catch (RunFailedException e) {
                    partial = e.result();
                }
                progress.finish();
                err.println("benchmark: interrupted; stopped sending and kept every answer received");
                report(partial, p, reports);
            }
        }, "he300-benchmark-stop");
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        RunResult result;
        String failure = null;
        try {
            result = run.await();
        } catch (RunFailedException e) {
            result = e.result();
            failure = e.getMessage();
        }
        if (!reported.compareAndSet(false, true)) {
            joinQuietly(hook);             // Ctrl-C: the hook reports; the JVM ends when it is done
            return INTERRUPTED;
        }
        if (shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway; the hook will find the report made
            }
        }
        progress.finish();
        report(result, p, reports);
        if (failure != null) {
            err.println("benchmark: the run failed: " + failure);
            err.flush();
            return Cli.FAILURE;
        }
        ExitDecision decision = ExitDecision.of(result, minAccuracy);
        if (decision.code() != Cli.OK) {
            err.println("benchmark: " + decision.reason());
            err.flush();
        }
        return decision.code();
    }

    private void report(RunResult result, Prepared p, Set<Format> reports) {
        out.println();
        out.print(ConsoleSummary.render(result, p.runDir));
        if (!reports.isEmpty()) {
            List<Path> written = Reports.builder().environment(env).inputs(InputTexts.of(p.scenarios)).build()
                    .render(result, reports, p.runDir);
            out.println("reports: " + written.stream().map(f -> f.getFileName().toString())
                    .collect(Collectors.joining(", ")));
        }
        if (!result.complete()) {
            out.println(ConsoleSummary.resumeHint(p.runDir));
        }
        out.flush();
        err.flush();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Prepared prepareNew(Credentials credentials) {
        TargetChoice choice = TargetChoice.resolve(options.target, options.simulate, options.url, options.model, env);
        SampleSpec spec = sampleOptions.spec();
        BackgroundSample drawing = BackgroundSample.start(spec, datasetOptions, env);
        Duration requestTimeout = choice.requestTimeout(options.timeout);
        TargetConfig config = config(choice, requestTimeout, credentials);
        // Only the simulator needs the sample to open; any other target opens while the dataset is read.
        OpenTarget target = choice.kind() == TargetKind.SIMULATE ? null : Targets.open(config, List.of());
        Sample sample;
        try {
            sample = drawing.get();
        } catch (RuntimeException | Error e) {
            if (target != null) {
                target.close();
            }
            throw e;
        }
        if (target == null) {
            target = Targets.open(config, sample.scenarios());
        }
        GenerationSettings generation = Targets.generation(choice.kind(), target.model(), generationSeed(spec.seed()),
                options.maxTokens);
        Path runDir = newRunDir(choice.kind(), target.model(), spec);
        return new Prepared(choice, requestTimeout, target, RunPlan.of(sample, generation), runDir, sample.scenarios());
    }

    private Prepared prepareResume(Credentials credentials) {
        Path runDir = options.resume;
        RunManifest manifest = RunManifest.read(runDir);
        String recorded = manifest.environment().targetKind();
        TargetKind kind = TargetKind.fromId(recorded).orElseThrow(() -> new He300Exception("the run in " + runDir
                + " ran against a '" + recorded + "' target, which this version cannot open"));
        if (options.target != null && TargetKind.fromId(options.target).orElse(null) != kind) {
            throw new He300Exception("the run in " + runDir + " ran against " + kind.id() + "; drop --target "
                    + options.target + " to resume it");
        }
        String url = kind == TargetKind.SIMULATE ? null
                : options.url != null ? options.url : manifest.environment().url();
        TargetChoice choice = new TargetChoice(kind, url, manifest.settings().model(), "the run's manifest");
        Duration requestTimeout = choice.requestTimeout(options.timeout);
        List<Scenario> scenarios = manifest.scenarios();
        OpenTarget target = Targets.open(config(choice, requestTimeout, credentials), scenarios);
        return new Prepared(choice, requestTimeout, target, null, runDir, scenarios);
    }

    private TargetConfig config(TargetChoice choice, Duration requestTimeout, Credentials credentials) {
        return TargetConfig.builder(choice.kind()).url(choice.url()).model(choice.model()).chat(options.chat)
                .requestTimeout(requestTimeout).credentials(credentials).simulator(this::simulator).build();
    }

    /** The hidden {@code --simulate-*} flags, applied to the simulator's settings. */
    private SimulatorSettings.Builder simulator(SimulatorSettings.Builder builder) {
        try {
            if (options.simulateAccuracy != null) {
                builder.accuracy(options.simulateAccuracy);
            }
            if (options.simulateLatencyMs != null) {
                builder.latency(Latency.fixed(Duration.ofMillis(options.simulateLatencyMs)));
            }
            if (options.simulateParallel != null) {
                builder.parallel(options.simulateParallel);
            }
            if (options.simulateFaultRate != null) {
                builder.faultRate(Fault.SERVICE_UNAVAILABLE, options.simulateFaultRate);
            }
            if (options.simulateOffFormat != null) {
                builder.offFormatRate(options.simulateOffFormat);
            }
        } catch (IllegalArgumentException e) {
            throw new He300Exception("simulator setting: " + e.getMessage(), e);
        }
        return builder;
    }

    /**
     * {@return the seed sent to the model: the sample's seed when it fits an int, else its remainder modulo 2^31}
     *
     * @param seed the sample's seed
     */
    public static int generationSeed(BigInteger seed) {
        return seed.bitLength() < 32 ? seed.intValue() : seed.mod(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** {@code <output>/20260101-120000-ollama-llama3.2-n300-seed42}, with {@code -2}, {@code -3}... if taken. */
    private Path newRunDir(TargetKind kind, String model, SampleSpec spec) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = stamp + "-" + kind.id() + "-" + model.replaceAll("[^A-Za-z0-9._-]+", "_") + "-n" + spec.size()
                + "-seed" + spec.seed();
        Path dir = options.output.resolve(name);
        for (int i = 2; Files.exists(dir); i++) {
            dir = options.output.resolve(name + "-" + i);
        }
        return dir;
    }

    /** A run ready to start. */
    private static final class Prepared {
        final TargetChoice choice;
        final Duration requestTimeout;
        final OpenTarget target;
        final RunPlan plan;
        final Path runDir;
        final List<Scenario> scenarios;

        Prepared(TargetChoice choice, Duration requestTimeout, OpenTarget target, RunPlan plan, Path runDir,
                List<Scenario> scenarios) {
            this.choice = choice;
            this.requestTimeout = requestTimeout;
            this.target = target;
            this.plan = plan;
            this.runDir = runDir;
            this.scenarios = List.copyOf(scenarios);
        }
    }
}
