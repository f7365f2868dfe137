package io.github.rngops.he300.sweep;

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.report.Leaderboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code ./he300 sweep} does, from parsed flags to exit code: read the sweep, print the plan or the matrix, or
 * run the cells (all, or those of {@code --cell}), then write the leaderboard of the complete cells into the sweep's
 * directory and append it to {@code $GITHUB_STEP_SUMMARY}. Exit 0 when every cell completed, 1 when one failed or
 * its host was down, 2 for a bad file or flag, 130 after Ctrl-C (the sweep resumes with {@code --resume}).
 */
public final class SweepCommand {

    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    static final int INTERRUPTED = 130;

    private final SweepOptions options;
    private final DatasetOptions dataset;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean shutdownHook;

    /**
     * A command for these flags; nothing is read or run until {@link #run()}.
     *
     * @param options the sweep's flags
     * @param dataset the dataset flags, shared with {@code benchmark}: where the scenarios are read from
     * @param env the process environment: credentials, {@code GITHUB_STEP_SUMMARY}, the dataset's location
     * @param out where the plan, the matrix, the summary and the leaderboard's files are printed
     * @param err where progress, warnings and the resume advice go
     * @param terminal whether standard error is a terminal (one redrawn line per host) or not (plain lines)
     * @param shutdownHook whether Ctrl-C stops the sweep cleanly (off in tests, which share one JVM)
     */
    public SweepCommand(SweepOptions options, DatasetOptions dataset, Map<String, String> env, PrintWriter out,
            PrintWriter err, boolean terminal, boolean shutdownHook) {
        this.options = Objects.requireNonNull(options, "options");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.env = Map.copyOf(env);
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Runs the command: the dry run, the matrix, or the cells and then the leaderboard.
     *
     * @return {@link Cli#OK} after the dry run or the matrix, or when every cell completed; {@link Cli#FAILURE} when
     *     a cell failed or its host was down; 130 after Ctrl-C
     * @throws He300Exception for a bad file or flag, or an output directory that holds a sweep without
     *     {@code --resume} ({@link Cli} makes it exit code 2)
     */
    public int run() {
        Sweep sweep = Sweep.read(options.file);
        SweepPlan plan = sweep.plan();
        if (options.baseline != null && plan.cell(options.baseline).isEmpty()) {
            throw new He300Exception("--baseline " + options.baseline + " is not a cell of the sweep; the cells are "
                    + String.join(", ", plan.cells().stream().map(Cell::id).toList()));
        }
        if (options.matrix != null) {
            if (!options.matrix.equals("cell") && !options.matrix.equals("host")) {
                throw new He300Exception("--matrix takes cell or host, was " + options.matrix);
            }
            out.println(plan.matrix(options.matrix.equals("host")));
            out.flush();
            return Cli.OK;
        }
        if (options.dryRun) {
            out.print(plan.describe(options.assumeLatency));
            out.flush();
            return Cli.OK;
        }
        Path output = options.output != null ? options.output : Path.of("sweeps", Cell.slug(sweep.name()));
        SweepProgress progress = new SweepProgress(err, terminal);
        SweepRunner.Builder builder = SweepRunner.builder(plan, output).environment(env).warnings(err)
                .pull(!options.noPull).resume(options.resume || !options.cells.isEmpty()).listener(progress)
                .dataset(() -> dataset.load(sweep.sample().categories(), env));
        options.cells.forEach(builder::only);
        SweepRunner runner = builder.build();
        out.println("he300 sweep " + sweep.name() + ": " + (options.cells.isEmpty() ? plan.cells().size()
                : options.cells.size()) + " cells on " + plan.byHost().size() + " hosts into " + output);
        if (options.resume && SweepJournal.exists(output)) {
            out.println(resumeLine(plan, output));
        }
        out.flush();

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            runner.stop(STOP_GRACE);
            try {
                finished.await(STOP_GRACE.toSeconds() * 4, TimeUnit.SECONDS);   // let the journals be written
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "he300-sweep-stop");
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        SweepResult result;
        try {
            result = runner.run();
        } finally {
            progress.finish();
            if (interrupted.get()) {
                err.println("sweep: interrupted; every answer received is kept: continue with ./he300 sweep "
                        + options.file + " --resume --output " + output);
                err.flush();
            }
            finished.countDown();
        }
        if (interrupted.get()) {
            return INTERRUPTED;
        }
        if (shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
        summarize(result, "./he300 sweep " + options.file + " --resume --output " + output);
        if (options.cells.isEmpty() && !result.completeDirectories().isEmpty()) {
            leaderboard(sweep, plan, result, output);
        }
        return result.complete() ? Cli.OK : Cli.FAILURE;
    }

    /** What the journal says happened before: cells complete (not run again), and why the others are to run. */
    static String resumeLine(SweepPlan plan, Path output) {
        Map<String, String> last = SweepJournal.lastEvents(output);
        long complete = plan.cells().stream()
                .filter(c -> CellRunner.complete(SweepRunner.cellDirectory(output, c))).count();
        Map<String, Long> others = new java.util.TreeMap<>();
        for (Cell cell : plan.cells()) {
            if (!CellRunner.complete(SweepRunner.cellDirectory(output, cell))) {
                others.merge(last.getOrDefault(cell.id(), "not started"), 1L, Long::sum);
            }
        }
        return "resuming: " + complete + " cells complete (not run again)" + (others.isEmpty() ? ""
                : "; to run: " + String.join(", ", others.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).toList()));
    }

    private void summarize(SweepResult result, String resume) {
        out.println();
        for (CellReport report : result.cells()) {
            out.println(String.format("%-44s %-16s %s", report.cell().id(), report.status().name().toLowerCase(
                    java.util.Locale.ROOT), report.result() == null ? report.message()
                    : String.format(java.util.Locale.ROOT, "accuracy %.1f%% (%d scenarios)%s",
                            report.result().summary().accuracy() * 100, report.result().summary().total(),
                            report.message().isEmpty() ? "" : "; " + report.message())));
        }
        long done = result.cells().stream().filter(CellReport::complete).count();
        out.println(done + " of " + result.cells().size() + " cells complete"
                + (result.complete() ? "" : "; retry the others with " + resume));
        out.flush();
    }

    private void leaderboard(Sweep sweep, SweepPlan plan, SweepResult result, Path output) {
        String baseline = options.baseline != null ? options.baseline : plan.baseline().id();
        List<Path> directories = result.completeDirectories();
        boolean baselineDone = result.cells().stream().anyMatch(c -> c.cell().id().equals(baseline) && c.complete());
        if (!baselineDone) {
            err.println("sweep: the baseline " + baseline + " did not complete; the leaderboard compares with the"
                    + " first complete cell");
        }
        Leaderboard board = Leaderboard.builder().title("HE-300 sweep " + sweep.name()).directories(directories)
                .baseline(baselineDone ? baseline : null).allowMismatch(options.allowMismatch).build();
        List<Path> files = board.write(output);
        out.println("leaderboard: " + String.join(", ", files.stream().map(Path::toString).toList()));
        if (board.appendToStepSummary(env)) {
            out.println("leaderboard appended to $GITHUB_STEP_SUMMARY");
        }
        out.flush();
    }
}
