package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.run.RunResult;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison of three 10,000-scenario results, and every report of one of them, in bounded time and memory. The
 * figures are printed for the record (the build log and the closing note of the report issue).
 */
class LargeComparisonTest {

    private static final int SCENARIOS = 10_000;

    @TempDir
    Path dir;

    @Test
    void comparesTenThousandScenariosInBoundedMemoryAndTime() throws Exception {
        List<RunResult> results = List.of(Results.synthetic(SCENARIOS, 1, 0.70, "model-a"),
                Results.synthetic(SCENARIOS, 2, 0.72, "model-b"), Results.synthetic(SCENARIOS, 3, 0.80, "model-c"));
        long before = usedHeapAfterGc();
        long peak = before;
        long start = System.nanoTime();

        Comparison comparison = Comparison.of(results);
        List<Path> files = comparison.write(dir, "comparison");
        long compared = System.nanoTime();
        peak = Math.max(peak, usedHeap());
        long withIndex = usedHeapAfterGc(); // the comparison (and its id index) still referenced
        List<Path> reports = Reports.builder().build().render(results.get(0), EnumSet.allOf(Format.class), dir);
        long rendered = System.nanoTime();
        peak = Math.max(peak, usedHeap());

        double compareSeconds = (compared - start) / 1e9;
        double renderSeconds = (rendered - compared) / 1e9;
        long retainedMb = (withIndex - before) >> 20;
        System.out.printf("he300-report figures: 3 x %d scenarios: comparison (md + html) %.2f s, %d disagreements,"
                        + " html %d KiB, md %d KiB; heap retained by the comparison %d MiB, peak above baseline %d MiB;"
                        + " all formats of one result %.2f s (html %d KiB)%n", SCENARIOS, compareSeconds,
                comparison.disagreements(), Files.size(files.get(1)) >> 10, Files.size(files.get(0)) >> 10,
                retainedMb, (peak - before) >> 20, renderSeconds, Files.size(dir.resolve("result.html")) >> 10);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of("target", "large-comparison-figures.txt"))) {
            out.write(String.format("comparison_seconds=%.3f%nrender_all_formats_seconds=%.3f%nretained_mib=%d%n"
                    + "peak_above_baseline_mib=%d%n", compareSeconds, renderSeconds, retainedMb, (peak - before) >> 20));
        }

        assertThat(comparison.shared()).isEqualTo(SCENARIOS);
        assertThat(comparison.disagreements()).isGreaterThan(1000);
        assertThat(reports).hasSize(6);
        assertThat(compareSeconds).as("seconds to compare and write").isLessThan(20);
        assertThat(renderSeconds).as("seconds to write every format").isLessThan(20);
        assertThat(retainedMb).as("MiB the comparison keeps").isLessThan(64);
        assertThat((peak - before) >> 20).as("MiB above the baseline at the peak").isLessThan(512);
        String html = Files.readString(files.get(1));
        assertThat(html).endsWith("</html>\n");
        assertThat(html.split("<tr class=\"s\">", -1).length - 1).isEqualTo(comparison.disagreements());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return usedHeap();
    }
}
