package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.http.CircuitBreakerSettings;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared dataset copy and samples drawn from it, loaded once per test JVM; HTTP settings that never wait. */
final class Samples {

    private static Dataset dataset;

    private Samples() {
    }

    static synchronized Dataset dataset() {
        if (dataset == null) {
            String shared = System.getProperty("he300.shared");
            assertThat(shared).as("system property he300.shared").isNotBlank();
            Path root = Path.of(shared).toAbsolutePath().normalize().resolve("data/ethics");
            assertThat(Files.isDirectory(root)).as("dataset copy at " + root).isTrue();
            dataset = Dataset.load(root);
        }
        return dataset;
    }

    /** The v1.0 sample of {@code size} with seed 42. */
    static Sample of(int size) {
        return Sampler.draw(SampleSpec.builder().size(size).build(), dataset());
    }

    /** No retries, no breaker, no sleeping. */
    static HttpSettings quickHttp() {
        return HttpSettings.builder().retry(RetrySettings.none()).circuitBreaker(CircuitBreakerSettings.disabled())
                .sleeper(d -> { }).build();
    }
}
