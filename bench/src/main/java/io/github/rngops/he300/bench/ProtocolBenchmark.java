package io.github.rngops.he300.bench;

import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code ./he300 sample} does besides starting a JVM: load and checksum the five dataset files, and draw a
 * 300-sample. The dataset directory comes from {@code HE300_DATASET} (or {@code -Dhe300.dataset}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {
    private Path directory;
    private Dataset dataset;
    private final SampleSpec full = SampleSpec.ofDefaults();

    @Setup
    public void locate() {
        String given = System.getProperty("he300.dataset", System.getenv("HE300_DATASET"));
        if (given == null || !Files.isDirectory(Path.of(given))) {
            throw new IllegalStateException("set HE300_DATASET to the ETHICS dataset directory, was " + given);
        }
        directory = Path.of(given);
        dataset = Dataset.load(directory);
    }

    /** Reads, checksums and parses all five files into scenario pools. */
    @Benchmark
    public Dataset loadAndChecksumFiveFiles() {
        return Dataset.load(directory);
    }

    /** Draws the v1.0 seed-42 300-sample from loaded pools (MT19937 seeding, five samples, one shuffle). */
    @Benchmark
    public Sample draw300() {
        return Sampler.draw(full, dataset);
    }
}
