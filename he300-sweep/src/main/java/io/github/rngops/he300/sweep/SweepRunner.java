package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.run.Run;
import io.github.rngops.he300.core.run.RunFailedException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a sweep's cells: every host at once on its own thread, each host's cells one after another in the plan's
 * order (one model at a time, so a GPU loads each model once), each cell a run of the engine with the host's
 * concurrency in its own directory {@code <output>/cells/<id>/}. A host that cannot be reached (or whose run fails
 * fast on connection errors) is reported once and its remaining cells are marked {@code host_down}; the other hosts
 * go on.
 *
 * <pre>{@code
 * SweepResult result = SweepRunner.builder(Sweep.read(Path.of("sweep.yaml")).plan(), Path.of("sweeps/nightly"))
 *         .dataset(() -> Dataset.load(dir))
 *         .listener(new SweepProgress(new PrintWriter(System.err, true), false))
 *         .build().run();
 * }</pre>
 *
 * <p>With {@link Builder#resume(boolean) resume}, a cell whose directory holds a complete result is not run again,
 * and an interrupted cell continues through {@link io.github.rngops.he300.core.run.RunEngine#resume}: its journaled
 * answers are kept, only the rest is sent.
 */
public final class SweepRunner {

    /** The directory of the cells' runs inside the output directory. */
    static final String CELLS = "cells";

    private final SweepPlan plan;
    private final Path output;
    private final List<Cell> cells;
    private final boolean resume;
    private final Clock clock;
    private final SweepListener listener;
    private final CellRunner cellRunner;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    private SweepRunner(Builder b) {
        this.plan = b.plan;
        this.output = b.output;
        this.cells = b.only.isEmpty() ? plan.cells()
                : plan.cells().stream().filter(c -> b.only.contains(c.id())).toList();
        this.resume = b.resume;
        this.clock = b.clock;
        this.listener = b.listener;
        this.cellRunner = new CellRunner(plan.sweep(), b.dataset, b.environment, b.warnings, b.pull, b.listener);
    }

    /**
     * {@return a builder for a runner of {@code plan} into {@code output}}
     *
     * @param plan the cells to run, from {@link Sweep#plan()}
     * @param output the sweep's directory: {@code cells/<id>/} run directories and the journal {@code sweep.jsonl};
     *     made when missing
     */
    public static Builder builder(SweepPlan plan, Path output) {
        return new Builder(plan, output);
    }

    /** The run directory of {@code cell} under {@code output}. */
    static Path cellDirectory(Path output, Cell cell) {
        return output.resolve(CELLS).resolve(cell.id());
    }

    /**
     * Runs the cells, every host on its own thread, and waits until all are over. A cell that fails, or a host that
     * is down, is reported in the result rather than thrown; each cell's outcome is also appended to
     * {@code sweep.jsonl}.
     *
     * @return how each cell ended, in plan order
     * @throws He300Exception if the output directory already holds a sweep and this is not a resume
     */
    public SweepResult run() {
        if (!resume && SweepJournal.exists(output)) {
            throw new He300Exception(output + " already holds a sweep: continue it with --resume, or choose another"
                    + " output directory");
        }
        Map<String, List<Cell>> byHost = new java.util.LinkedHashMap<>();
        for (Cell cell : cells) {
            byHost.computeIfAbsent(cell.host(), h -> new ArrayList<>()).add(cell);
        }
        Map<String, CellReport> reports = new ConcurrentHashMap<>();
        try (SweepJournal journal = SweepJournal.open(output, clock)) {
            ExecutorService hosts = Executors.newFixedThreadPool(Math.max(1, byHost.size()), task -> {
                Thread thread = new Thread(task, "he300-sweep-host");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Map.Entry<String, List<Cell>> entry : byHost.entrySet()) {
                    Host host = plan.sweep().host(entry.getKey()).orElseThrow();
                    futures.add(hosts.submit(() -> runHost(host, entry.getValue(), journal, reports)));
                }
                for (Future<?> future : futures) {
                    await(future);
                }
            } finally {
                hosts.shutdownNow();
            }
        }
        List<CellReport> ordered = new ArrayList<>();
        for (Cell cell : cells) {
            ordered.add(reports.get(cell.id()));
        }
        return new SweepResult(plan, output, ordered);
    }

    /**
     * Stops the sweep (Ctrl-C): no further cell starts, the running ones stop sending and wait up to {@code grace}
     * for what is in flight; their journals keep every answer received, so {@code --resume} continues them. Safe to
     * call from another thread (a shutdown hook) while {@link #run()} runs; {@code run()} then returns.
     *
     * @param grace how long the running cells may wait for requests in flight
     */
    public void stop(Duration grace) {
        stopping = true;
        for (Run run : List.copyOf(running)) {
            try {
                run.stop(grace);
            } catch (RunFailedException e) {
                // it had failed already; its report says so
            }
        }
    }

    private void runHost(Host host, List<Cell> hostCells, SweepJournal journal, Map<String, CellReport> reports) {
        listener.hostStarted(host, hostCells.size());
        for (int i = 0; i < hostCells.size(); i++) {
            Cell cell = hostCells.get(i);
            Path directory = cellDirectory(output, cell);
            if (stopping) {
                finish(journal, reports, new CellReport(cell, CellReport.Status.STOPPED, directory,
                        "the sweep was stopped before it ran", null));
                continue;
            }
            journal.record(cell.id(), "started", null);
            CellReport report;
            try {
                Run[] current = new Run[1];
                report = cellRunner.run(cell, directory, run -> {
                    current[0] = run;
                    running.add(run);
                    if (stopping) {
                        run.stop(Duration.ZERO);
                    }
                });
                if (current[0] != null) {
                    running.remove(current[0]);
                }
            } catch (CellRunner.HostDown e) {
                String reason = e.getMessage();
                finish(journal, reports, new CellReport(cell, CellReport.Status.HOST_DOWN, directory, reason, null));
                for (Cell rest : hostCells.subList(i + 1, hostCells.size())) {
                    finish(journal, reports, new CellReport(rest, CellReport.Status.HOST_DOWN,
                            cellDirectory(output, rest), "host " + host.name() + " is down", null));
                }
                listener.hostDown(host, reason, hostCells.size() - i);
                return;
            } catch (He300Exception e) {
                report = new CellReport(cell, CellReport.Status.FAILED, directory, e.getMessage(), null);
            }
            finish(journal, reports, report);
        }
    }

    private void finish(SweepJournal journal, Map<String, CellReport> reports, CellReport report) {
        reports.put(report.cell().id(), report);
        String event = switch (report.status()) {
            case COMPLETED, ALREADY_COMPLETE -> "completed";
            case FAILED -> "failed";
            case HOST_DOWN -> "host_down";
            case STOPPED -> "stopped";
        };
        journal.record(report.cell().id(), event, report.message());
        listener.cellFinished(report);
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new He300Exception("interrupted while the sweep ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sets up a {@link SweepRunner}; the plan and output directory are required, the rest has defaults. */
    public static final class Builder {
        private final SweepPlan plan;
        private final Path output;
        private Supplier<Dataset> dataset = () -> {
            throw new He300Exception("no dataset given to the sweep");
        };
        private Map<String, String> environment = System.getenv();
        private PrintWriter warnings = new PrintWriter(Writer.nullWriter());
        private boolean pull = true;
        private boolean resume;
        private final Set<String> only = new LinkedHashSet<>();
        private SweepListener listener = new SweepListener() {
        };
        private Clock clock = Clock.systemUTC();

        private Builder(SweepPlan plan, Path output) {
            this.plan = Objects.requireNonNull(plan, "plan");
            this.output = Objects.requireNonNull(output, "output");
        }

        /**
         * Sets where samples are drawn from. Required unless every cell is complete already.
         *
         * @param value loads the dataset; called once, when the first cell that runs needs it
         * @return this builder
         */
        public Builder dataset(Supplier<Dataset> value) {
            Objects.requireNonNull(value, "dataset");
            Dataset[] loaded = new Dataset[1];
            this.dataset = () -> {
                synchronized (loaded) {
                    if (loaded[0] == null) {
                        loaded[0] = value.get();
                    }
                    return loaded[0];
                }
            };
            return this;
        }

        /**
         * Sets where credential variables are looked up; the process environment by default.
         *
         * @param value variable names to values
         * @return this builder
         */
        public Builder environment(Map<String, String> value) {
            environment = Map.copyOf(Objects.requireNonNull(value, "environment"));
            return this;
        }

        /**
         * Sets where warnings go (a credentials file others can read); nowhere by default.
         *
         * @param value a writer, such as standard error
         * @return this builder
         */
        public Builder warnings(PrintWriter value) {
            warnings = Objects.requireNonNull(value, "warnings");
            return this;
        }

        /**
         * Sets whether an Ollama host lacking a model pulls it first; true by default. Without, its cells fail.
         *
         * @param value whether to pull
         * @return this builder
         */
        public Builder pull(boolean value) {
            pull = value;
            return this;
        }

        /**
         * Sets whether to continue a sweep in this output directory: completed cells are not run again, interrupted
         * ones keep their answers. Off by default: then {@link #run()} refuses a directory that already holds a sweep.
         *
         * @param value whether to resume
         * @return this builder
         */
        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        /**
         * Runs only the cells named this way (a CI matrix job runs one); every cell of the plan by default.
         *
         * @param cellId a cell id of the plan; call again for more
         * @return this builder
         * @throws He300Exception if the plan has no such cell (the message lists them)
         */
        public Builder only(String cellId) {
            if (plan.cell(cellId).isEmpty()) {
                throw new He300Exception("no cell " + cellId + " in the sweep (cells: " + String.join(", ",
                        plan.cells().stream().map(Cell::id).toList()) + ")");
            }
            only.add(cellId);
            return this;
        }

        /**
         * Sets who hears of hosts, pulls and cells as the sweep goes, such as a {@link SweepProgress}; nobody by
         * default.
         *
         * @param value the listener, called from the hosts' threads
         * @return this builder
         */
        public Builder listener(SweepListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Sets the clock of the journal's timestamps; the system's UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** {@return the runner these settings describe; nothing runs until {@link SweepRunner#run()}} */
        public SweepRunner build() {
            return new SweepRunner(this);
        }
    }
}
