package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dataset copy in {@code ../shared/data/ethics} (the build sets {@code he300.shared}, as for he300-core's tests)
 * and the v1.0 seed-42 sample drawn from it, loaded once per test JVM. A missing copy fails loudly.
 */
final class TestData {

    private static Dataset dataset;
    private static Sample sample;

    private TestData() {}

    static synchronized Dataset dataset() {
        if (dataset == null) {
            String shared = System.getProperty("he300.shared");
            assertThat(shared).as("system property he300.shared (set by the build to <project>/../shared)")
                    .isNotBlank();
            Path root = Path.of(shared).toAbsolutePath().normalize().resolve("data/ethics");
            assertThat(Files.isDirectory(root)).as("dataset copy at " + root).isTrue();
            dataset = Dataset.load(root);
        }
        return dataset;
    }

    /** The HE-300 v1.0 sample of 300 with seed 42. */
    static synchronized Sample sample() {
        if (sample == null) {
            sample = Sampler.draw(SampleSpec.ofDefaults(), dataset());
        }
        return sample;
    }
}
