package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.Progress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Prints a sweep's progress: on a terminal, one line per host redrawn in place; elsewhere (CI logs), plain lines: a
 * cell's start and end, every tenth of its run, each pull status.
 */
public final class SweepProgress implements SweepListener {

    /** The widest line redrawn on a terminal. */
    static final int WIDTH = 100;

    private final PrintWriter out;
    private final boolean terminal;
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, Integer> tenths = new java.util.HashMap<>();
    private int drawn;

    /**
     * A printer of progress.
     *
     * @param out where the lines go, usually standard error
     * @param terminal whether {@code out} is a terminal: lines redrawn in place with ANSI escapes; plain lines if not
     */
    public SweepProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void hostStarted(Host host, int cells) {
        show(host.name(), host.name() + ": " + cells + " cells to run");
    }

    @Override
    public synchronized void pulling(Host host, String model, String status, OptionalDouble fraction) {
        String percent = fraction.isPresent() ? String.format(Locale.ROOT, " %.0f%%", fraction.getAsDouble() * 100)
                : "";
        if (terminal) {
            show(host.name(), host.name() + ": pulling " + model + ": " + status + percent);
        } else {
            int tenth = fraction.isPresent() ? (int) (fraction.getAsDouble() * 10) : -1;
            String key = host.name() + " " + model + " " + status;
            if (!tenths.containsKey(key) || tenths.get(key) < tenth) {
                tenths.put(key, tenth);
                plain(host.name() + ": pulling " + model + ": " + status + percent);
            }
        }
    }

    @Override
    public synchronized void cellStarted(Cell cell, boolean resumed) {
        tenths.remove(cell.id());
        String line = cell.host() + ": " + (resumed ? "resuming " : "running ") + cell.id();
        if (terminal) {
            show(cell.host(), line);
        } else {
            plain(line);
        }
    }

    @Override
    public synchronized void cellProgress(Cell cell, Progress progress) {
        String line = String.format(Locale.ROOT, "%s: %s %d/%d, %d correct, %d failed, %.1f/s", cell.host(),
                cell.id(), progress.done(), progress.total(), progress.correct(), progress.failed(),
                progress.scenariosPerSecond());
        if (terminal) {
            show(cell.host(), line);
            return;
        }
        int tenth = progress.total() == 0 ? 10 : progress.done() * 10 / progress.total();
        if (tenth > tenths.getOrDefault(cell.id(), 0) && tenth < 10) {
            tenths.put(cell.id(), tenth);
            plain(line);
        }
    }

    @Override
    public synchronized void cellFinished(CellReport report) {
        String figures = report.result() == null ? "" : String.format(Locale.ROOT, ", accuracy %.1f%%",
                report.result().summary().accuracy() * 100);
        String line = report.cell().host() + ": " + report.cell().id() + " " + report.status().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ') + figures + (report.message().isEmpty() ? ""
                : ": " + report.message());
        if (terminal) {
            show(report.cell().host(), line);
            if (!report.complete()) {
                above(line);
            }
        } else if (report.status() != CellReport.Status.HOST_DOWN) {
            plain(line);
        }
    }

    @Override
    public synchronized void hostDown(Host host, String reason, int cellsMarked) {
        String line = host.name() + ": DOWN (" + reason + "); " + cellsMarked + " cell(s) marked host_down, the other"
                + " hosts go on";
        if (terminal) {
            show(host.name(), line);
        } else {
            plain(line);
        }
    }

    /** Ends the redrawn block, so what follows prints below it. */
    public synchronized void finish() {
        drawn = 0;
        out.flush();
    }

    private void plain(String line) {
        out.println(line);
        out.flush();
    }

    /** A line printed once above the redrawn block (a failure worth keeping on screen). */
    private void above(String line) {
        erase();
        out.println(line);
        drawn = 0;
        redraw();
    }

    private void show(String host, String line) {
        lines.put(host, line);
        if (!terminal) {
            plain(line);
            return;
        }
        erase();
        redraw();
    }

    private void erase() {
        for (int i = 0; i < drawn; i++) {
            out.print("\033[1A\033[2K");
        }
    }

    private void redraw() {
        for (String line : lines.values()) {
            // a line that wraps would take two rows and throw the erasing off by one
            out.println(line.length() < WIDTH ? line : line.substring(0, WIDTH - 2) + "…");
        }
        drawn = lines.size();
        out.flush();
    }
}
