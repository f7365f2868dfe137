package io.github.rngops.he300.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.cli.Benchmark;
import io.github.rngops.he300.cli.CredentialSources;
import io.github.rngops.he300.cli.TargetChoice;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.client.target.TargetConfig;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.client.target.Targets;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.Run;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunFailedException;
import io.github.rngops.he300.core.run.RunManifest;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.RunResultJson;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import io.github.rngops.he300.report.Leaderboard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one cell in its own run directory: a new run, or the engine's resume of an interrupted one (so no answer is
 * lost or sent twice), or nothing when the directory already holds a complete result.
 */
final class CellRunner {

    /** Error kinds that mean the host, not the cell, is the problem. */
    static final Set<ErrorKind> HOST_DOWN = Set.of(ErrorKind.CONNECTION, ErrorKind.TIMEOUT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sweep sweep;
    private final Supplier<Dataset> dataset;
    private final Map<String, String> env;
    private final PrintWriter warnings;
    private final boolean pull;
    private final SweepListener listener;
    private final Map<String, Credentials> credentials = new java.util.concurrent.ConcurrentHashMap<>();

    CellRunner(Sweep sweep, Supplier<Dataset> dataset, Map<String, String> env, PrintWriter warnings, boolean pull,
            SweepListener listener) {
        this.sweep = sweep;
        this.dataset = dataset;
        this.env = Map.copyOf(env);
        this.warnings = warnings;
        this.pull = pull;
        this.listener = listener;
    }

    /** Thrown when the host cannot be reached: the runner marks its remaining cells. */
    static final class HostDown extends He300Exception {
        private static final long serialVersionUID = 1L;

        HostDown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether {@code directory} holds a complete result. */
    static boolean complete(Path directory) {
        Path result = directory.resolve("result.json");
        if (!Files.exists(result)) {
            return false;
        }
        try {
            return RunResultJson.read(result).complete();
        } catch (He300Exception e) {
            return false;
        }
    }

    /**
     * Runs {@code cell} in {@code directory}; {@code started} receives the run so that a stop can reach it.
     *
     * @throws HostDown if the host cannot be reached, or the run failed fast on connection errors
     */
    CellReport run(Cell cell, Path directory, Consumer<Run> started) {
        Host host = sweep.host(cell.host()).orElseThrow();
        if (complete(directory)) {
            return new CellReport(cell, CellReport.Status.ALREADY_COMPLETE, directory, "",
                    RunResultJson.read(directory.resolve("result.json")));
        }
        writeCellFile(cell, directory);
        Credentials credentials = this.credentials.computeIfAbsent(host.name(), name -> credentials(host));
        boolean resume = Files.exists(directory.resolve(RunManifest.FILE));
        List<Scenario> scenarios;
        Sample sample = null;
        if (resume) {
            scenarios = RunManifest.read(directory).scenarios();
        } else {
            SampleSpec spec = sweep.sampleFor(cell);
            sample = Sampler.draw(spec, dataset.get());
            scenarios = sample.scenarios();
        }
        TargetConfig config = config(host, cell, credentials);
        OpenTarget target = open(host, cell, config, credentials, scenarios);
        HostWatch watch = host.kind() == TargetKind.SIMULATE ? null : HostWatch.of(config.effectiveUrl());
        try (target) {
            RunEngine.Builder builder = RunEngine.builder().target(target).concurrency(host.concurrency())
                    .batchTimeout(new TargetChoice(host.kind(), host.url(), cell.model().name(), "sweep.yaml")
                            .batchTimeout(config.requestTimeout(), null))
                    .failFast(sweep.run().failFast())
                    .listener(progress -> listener.cellProgress(cell, progress));
            if (watch != null) {
                builder.listener(watch);
            }
            RunEngine engine = builder.build();
            listener.cellStarted(cell, resume);
            Run run;
            if (resume) {
                run = engine.resume(directory);
            } else {
                GenerationSettings generation = Targets.generation(host.kind(), target.model(),
                        Benchmark.generationSeed(cell.seed()), sweep.run().maxTokens());
                run = engine.start(RunPlan.of(sample, generation), directory);
            }
            started.accept(run);
            if (watch != null) {
                watch.watch(run);
            }
            try {
                RunResult result = run.await();
                if (watch != null && watch.hostDown()) {
                    throw new HostDown("host " + host.name() + " stopped answering during " + cell.id() + " ("
                            + result.outcomes().size() + " of " + result.spec().size() + " outcomes kept; --resume"
                            + " continues it)", null);
                }
                return new CellReport(cell, result.complete() ? CellReport.Status.COMPLETED
                        : CellReport.Status.STOPPED, directory, result.complete() ? "" : "stopped: " + result.ending()
                        .id(), result);
            } catch (RunFailedException e) {
                if (e.kind().filter(HOST_DOWN::contains).isPresent()) {
                    throw new HostDown(e.getMessage(), e);
                }
                return new CellReport(cell, CellReport.Status.FAILED, directory, e.getMessage(), e.result());
            } finally {
                if (watch != null) {
                    watch.close();
                }
            }
        }
    }

    private OpenTarget open(Host host, Cell cell, TargetConfig config, Credentials credentials,
            List<Scenario> scenarios) {
        try {
            if (host.pulls()) {
                ModelPuller.ensure(host, config.effectiveUrl(), credentials, cell.model().name(), pull, listener);
            }
            return Targets.open(config, scenarios);
        } catch (He300Exception e) {
            if (unreachable(e)) {
                throw new HostDown(e.getMessage(), e);
            }
            throw e;
        }
    }

    private TargetConfig config(Host host, Cell cell, Credentials credentials) {
        TargetConfig.Builder builder = TargetConfig.builder(host.kind()).url(host.url()).model(cell.model().name())
                .chat(sweep.run().chat()).requestTimeout(sweep.run().requestTimeout()).credentials(credentials);
        if (host.kind() == TargetKind.SIMULATE) {
            builder.simulator(b -> b.parallel(host.concurrency()));
        }
        return builder.build();
    }

    /** Read once per host, so a warning about a credentials file others can read is printed once. */
    private Credentials credentials(Host host) {
        Host.CredentialRef ref = host.credentials();
        if (ref.file() != null) {
            return CredentialSources.load(ref.file(), env, warnings);
        }
        Map<String, String> renamed = new HashMap<>();
        for (String suffix : List.of("TOKEN", "API_KEY", "USERNAME", "PASSWORD")) {
            String value = env.get(ref.prefix() + "_" + suffix);
            if (value != null) {
                renamed.put("HE300_" + suffix, value);
            }
        }
        if (ref.prefix().equals("HE300") && env.get("API_KEY") != null) {
            renamed.put("API_KEY", env.get("API_KEY"));
        }
        return CredentialSources.load(null, renamed, warnings);
    }

    /** Whether the failure is the host being unreachable (no connection, timed out), as opposed to the cell's own. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientException client) {
                ClientException.Kind kind = client.kind();
                return kind == ClientException.Kind.CONNECT || kind == ClientException.Kind.TIMEOUT
                        || kind == ClientException.Kind.IO || kind == ClientException.Kind.CIRCUIT_OPEN;
            }
        }
        return false;
    }

    /** The cell's identity beside its run, so the leaderboard can label the directory wherever it is copied. */
    private void writeCellFile(Cell cell, Path directory) {
        ObjectNode node = JSON.createObjectNode().put("schema", Leaderboard.CELL_SCHEMA).put("sweep", sweep.name())
                .put("id", cell.id()).put("host", cell.host()).put("model", cell.model().name());
        if (cell.model().quantization() != null) {
            node.put("quantization", cell.model().quantization());
        }
        node.put("seed", cell.seed().toString());
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(Leaderboard.CELL_FILE);
            Path temporary = directory.resolve(Leaderboard.CELL_FILE + ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new He300Exception("cannot write " + directory.resolve(Leaderboard.CELL_FILE) + ": "
                    + e.getMessage(), e);
        }
    }
}
