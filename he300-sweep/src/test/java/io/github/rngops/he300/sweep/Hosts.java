package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.dataset.Dataset;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The shared dataset copy, and simulators on loopback standing in for GPU hosts. */
final class Hosts {

    private static Dataset dataset;

    private Hosts() {
    }

    static Path datasetDirectory() {
        String shared = System.getProperty("he300.shared");
        assertThat(shared).as("system property he300.shared (set by the build)").isNotBlank();
        Path root = Path.of(shared).toAbsolutePath().normalize().resolve("data/ethics");
        assertThat(Files.isDirectory(root)).as("dataset copy at " + root).isTrue();
        return root;
    }

    static synchronized Dataset dataset() {
        if (dataset == null) {
            dataset = Dataset.load(datasetDirectory());
        }
        return dataset;
    }

    /**
     * A simulator that knows every scenario of the dataset and serves {@code models}, with its own accuracy, latency
     * and slots; {@code port} 0 for an ephemeral one.
     */
    static SimulatorSettings.Builder simulator(int port, double accuracy, int latencyMs, int parallel,
            long seed, String... models) {
        return SimulatorSettings.of(dataset()).toBuilder().bindAddress(InetAddress.getLoopbackAddress()).port(port)
                .models(models).accuracy(accuracy).latency(Latency.fixed(Duration.ofMillis(latencyMs)))
                .parallel(parallel).seed(seed);
    }

    static Simulator start(SimulatorSettings.Builder settings) {
        return Simulator.start(settings.build());
    }
}
