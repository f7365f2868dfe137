package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's flags that run nothing, and its refusals: one line, exit 2. */
class SweepCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    Outcome run(String... args) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, SweepReaderTest.FILE);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Cli.commandLine(new SweepChild());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = file.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        PrintStreamCapture capture = PrintStreamCapture.start();
        int code;
        try {
            code = line.execute(all);
        } finally {
            capture.stop();
        }
        return new Outcome(code, capture.out(), err.toString());
    }

    @Test
    void matrixByHostPrintsOneEntryPerHost() throws Exception {
        Outcome o = run("--matrix", "host");
        assertThat(o.code()).isZero();
        assertThat(o.out()).startsWith("{\"include\":[{\"host\":\"gpu-a\",\"cells\":\"gpu-a.llama3-2-3b.s42 ");
    }

    @Test
    void aDryRunRunsNothing() throws Exception {
        Outcome o = run("--dry-run", "--assume-latency", "500ms", "--output", dir.resolve("out").toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("estimate: about 15 s");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownCellBaselineOrMatrixModeIsRefusedInOneLine() throws Exception {
        Outcome cell = run("--cell", "gpu-z.x.s1", "--output", dir.resolve("out").toString());
        assertThat(cell.code()).isEqualTo(Cli.USAGE);
        assertThat(cell.err()).startsWith("sweep: no cell gpu-z.x.s1 in the sweep (cells: gpu-a.llama3-2-3b.s42, ")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(run("--baseline", "nope").err()).startsWith("sweep: --baseline nope is not a cell of the sweep");
        assertThat(run("--matrix", "banana").err()).isEqualTo("sweep: --matrix takes cell or host, was banana\n");
    }

    @Test
    void aBadFileIsRefusedWithItsPlace() throws Exception {
        Files.writeString(dir.resolve("sweep.yaml"), "hosts:\n  a: {kind: ollama, concurency: 2}\nmodels: [m]\n");
        Outcome o = run("--dry-run");
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).isEqualTo("sweep: " + dir.resolve("sweep.yaml")
                + ":2:21: hosts.a.concurency: unknown key; did you mean 'concurrency'?\n");
    }
}
