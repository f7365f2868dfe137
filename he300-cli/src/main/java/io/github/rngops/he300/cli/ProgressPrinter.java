package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.run.Progress;
import io.github.rngops.he300.core.run.ProgressListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows a run's progress: on a terminal, one bar redrawn in place (at most ten times a second); elsewhere (CI logs),
 * a plain line at every tenth of the run and at least every 30 seconds.
 *
 * <pre>
 * [##############----------------]  140/300  46.7%  correct 112  failed 0  38.2/s  ETA 4s
 * progress: 150/300 (50%), correct 120, failed 0, 38.2/s, ETA 4s
 * </pre>
 */
public final class ProgressPrinter implements ProgressListener {

    private static final int WIDTH = 30;
    private static final Duration REDRAW = Duration.ofMillis(100);
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;
    private Instant last;
    private int lastTenth = -1;
    private boolean drawn;

    /**
     * A printer of a run's progress.
     *
     * @param out where it prints (standard error in the commands)
     * @param terminal true to redraw one bar in place, false for a plain line at every tenth of the run
     * @param clock the time a line is stamped with, and what throttles redrawing
     */
    public ProgressPrinter(PrintWriter out, boolean terminal, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether to draw a bar: standard error is a terminal (the JVM has a console), {@code TERM} is not {@code dumb},
     * and {@code CI} is not set.
     *
     * @param env the environment
     * @return true to draw a bar
     */
    public static boolean isTerminal(java.util.Map<String, String> env) {
        return System.console() != null && !"dumb".equals(env.get("TERM")) && env.get("CI") == null;
    }

    @Override
    public void onProgress(Progress progress) {
        Instant now = clock.instant();
        boolean end = progress.done() >= progress.total();
        if (terminal) {
            if (end || last == null || Duration.between(last, now).compareTo(REDRAW) >= 0) {
                out.print("\r" + bar(progress) + "\u001b[K");
                out.flush();
                drawn = true;
                last = now;
            }
            return;
        }
        int tenth = progress.total() == 0 ? 10 : progress.done() * 10 / progress.total();
        if (tenth > lastTenth || last == null || Duration.between(last, now).compareTo(PLAIN_EVERY) >= 0) {
            out.println(line(progress));
            out.flush();
            lastTenth = tenth;
            last = now;
        }
    }

    /** Ends the bar's line, so what is printed next starts on a line of its own. */
    public void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    static String bar(Progress p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) p.done() * WIDTH / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]  " + p.done() + "/" + p.total() + "  "
                + percent(p) + "  correct " + p.correct() + "  failed " + p.failed() + "  "
                + String.format(Locale.ROOT, "%.1f/s", p.scenariosPerSecond()) + "  ETA " + eta(p);
    }

    static String line(Progress p) {
        return "progress: " + p.done() + "/" + p.total() + " (" + percent(p) + "), correct " + p.correct()
                + ", failed " + p.failed() + ", " + String.format(Locale.ROOT, "%.1f/s", p.scenariosPerSecond())
                + ", ETA " + eta(p);
    }

    private static String percent(Progress p) {
        return String.format(Locale.ROOT, "%.1f%%", p.total() == 0 ? 100.0 : 100.0 * p.done() / p.total());
    }

    static String eta(Progress p) {
        return p.eta().map(ConsoleSummary::human).orElse("?");
    }
}
