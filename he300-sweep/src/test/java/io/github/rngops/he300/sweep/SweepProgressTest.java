package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.run.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** One redrawn line per host on a terminal; plain lines, a few per cell, elsewhere. */
class SweepProgressTest {

    static final Host A = Host.of("a", TargetKind.OLLAMA, "http://a:11434");
    static final Host B = Host.of("b", TargetKind.OLLAMA, "http://b:11434");
    static final Cell CELL = Cell.of("a", Model.of("m1"), BigInteger.valueOf(42));

    @Test
    void plainLinesInCi() {
        StringWriter text = new StringWriter();
        SweepProgress progress = new SweepProgress(new PrintWriter(text), false);
        progress.hostStarted(A, 2);
        progress.cellStarted(CELL, false);
        for (int done = 1; done <= 30; done++) {
            progress.cellProgress(CELL, new Progress(done, 30, done, 0, 10, 0));
        }
        progress.pulling(B, "m2", "pulling abc", OptionalDouble.of(0.55));
        progress.pulling(B, "m2", "pulling abc", OptionalDouble.of(0.57));
        progress.hostDown(B, "connection refused", 3);

        String out = text.toString();
        assertThat(out).doesNotContain("\033[");
        assertThat(out.lines().filter(l -> l.startsWith("a: a.m1.s42 "))).hasSize(9);   // every tenth, not 30
        assertThat(out.lines().filter(l -> l.contains("pulling abc"))).hasSize(1);
        assertThat(out).contains("b: DOWN (connection refused); 3 cell(s) marked host_down, the other hosts go on");
    }

    @Test
    void oneLinePerHostRedrawnOnATerminal() {
        StringWriter text = new StringWriter();
        SweepProgress progress = new SweepProgress(new PrintWriter(text), true);
        progress.hostStarted(A, 2);
        progress.hostStarted(B, 1);
        progress.cellProgress(CELL, new Progress(15, 30, 12, 0, 10, 0));
        progress.cellFinished(new CellReport(CELL, CellReport.Status.COMPLETED, Path.of("x"), "", null));

        String out = text.toString();
        String last = out.substring(out.lastIndexOf("\033[2K") + 4);
        assertThat(last.lines()).containsExactly("a: a.m1.s42 completed", "b: 1 cells to run");
    }
}
