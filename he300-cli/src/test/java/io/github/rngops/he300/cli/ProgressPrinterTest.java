package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.run.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final StringWriter text = new StringWriter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void printsAPlainLineAtEveryTenthWhenNotATerminal() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), false, clock);
        for (int done = 1; done <= 100; done++) {
            printer.onProgress(new Progress(done, 100, done - 1, 1, 20.0, (100 - done) * 40L));
        }
        printer.finish();
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("progress: 1/100 (1.0%), correct 0, failed 1, 20.0/s, ETA 4.0 s");
        assertThat(lines[10]).startsWith("progress: 100/100 (100.0%)");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void redrawsOneBarInPlaceOnATerminal() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), true, clock);
        printer.onProgress(new Progress(1, 4, 1, 0, 0, -1));
        printer.onProgress(new Progress(2, 4, 2, 0, 2.0, 1000));   // same instant: not redrawn
        printer.onProgress(new Progress(4, 4, 3, 0, 2.0, 0));      // the last one always is
        printer.finish();
        String out = text.toString();
        assertThat(out).startsWith("\r[#######-----------------------]  1/4  25.0%");
        assertThat(out).contains("ETA ?").doesNotContain("2/4");
        assertThat(out).contains("\r[##############################]  4/4  100.0%  correct 3").endsWith("\n");
    }
}
