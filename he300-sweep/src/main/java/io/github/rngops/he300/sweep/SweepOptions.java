package io.github.rngops.he300.sweep;

import io.github.rngops.he300.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The flags of {@code ./he300 sweep}; the script mixes them in, {@link SweepCommand} acts on them. */
public final class SweepOptions {

    @Parameters(index = "0", paramLabel = "SWEEP.YAML", description = "The sweep: hosts, models, seeds, sample, run.")
    Path file;

    @Option(names = "--output", paramLabel = "DIR",
            description = "The sweep's directory: cells/<id>/ run directories, sweep.jsonl, the leaderboard."
                    + " Default: sweeps/<name of the sweep>.")
    Path output;

    @Option(names = "--resume", description = "Continue the sweep in its directory: completed cells are not run"
            + " again, an interrupted cell keeps every answer it had.")
    boolean resume;

    @Option(names = "--dry-run", description = "Print the plan (cells per host, in order, with an estimate); run"
            + " nothing.")
    boolean dryRun;

    @Option(names = "--assume-latency", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class,
            description = "For --dry-run's estimate: one answer's time on one slot. Default: ${DEFAULT-VALUE}.")
    Duration assumeLatency;

    @Option(names = "--matrix", arity = "0..1", fallbackValue = "cell", paramLabel = "cell|host",
            description = "Print the cells as a GitHub Actions strategy.matrix (JSON): one entry per cell (default)"
                    + " or per host; run nothing.")
    String matrix;

    @Option(names = "--cell", paramLabel = "ID", description = "Run only this cell (repeat for several): a CI matrix"
            + " job's share.")
    List<String> cells = new ArrayList<>();

    @Option(names = "--no-pull", description = "Do not pull a model an Ollama host lacks: its cells fail instead.")
    boolean noPull;

    @Option(names = "--baseline", paramLabel = "ID", description = "The cell the leaderboard compares with."
            + " Default: the file's baseline, else the first cell.")
    String baseline;

    @Option(names = "--allow-mismatch", description = "Compare cells whose sample design differs from the"
            + " baseline's anyway (they are marked).")
    boolean allowMismatch;
}
