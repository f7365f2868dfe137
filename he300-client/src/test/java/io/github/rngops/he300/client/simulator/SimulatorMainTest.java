package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.simulator.SimulatorMain.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void readsEveryOption() throws Exception {
        SimulatorSettings settings = SimulatorMain.parse(new String[] {"--port", "0", "--accuracy", "0.7",
                "--latency-ms", "25", "--parallel", "4", "--seed", "9", "--model", "llama3.2:3b", "--model", "qwen",
                "--off-format", "0.1", "--max-queue", "3"});
        assertThat(settings.accuracy()).isEqualTo(0.7);
        assertThat(settings.latency()).isEqualTo(Latency.fixed(Duration.ofMillis(25)));
        assertThat(settings.parallel()).isEqualTo(4);
        assertThat(settings.seed()).isEqualTo(9);
        assertThat(settings.offFormatRate()).isEqualTo(0.1);
        assertThat(settings.maxQueue()).isEqualTo(3);
        assertThat(settings.models()).extracting(SimulatedModel::name).containsExactly("llama3.2:3b", "qwen:latest");
    }

    @Test
    void loadsADatasetAsGroundTruth() throws Exception {
        String dir = System.getProperty("he300.shared") + "/data/ethics";
        SimulatorSettings settings = SimulatorMain.parse(new String[] {"--dataset", dir});
        assertThat(settings.groundTruth()).hasSizeGreaterThan(10_000);
    }

    @Test
    void saysWhatIsWrongWithBadUsage() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--accuracy", "1.5"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("accuracy must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--parallel", "many"}))
                .isInstanceOf(UsageException.class).hasMessage("--parallel needs a whole number, was 'many'");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"}))
                .isInstanceOf(UsageException.class).hasMessage("--port needs a value");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--colour'");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--dataset", "/nonexistent/he300"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("/nonexistent/he300");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--help"}))
                .isInstanceOf(UsageException.class).hasMessage("");
    }

    @Test
    void printsTheBaseUrlFirst() {
        try (Simulator sim = Simulator.start(SimulatorSettings.of(java.util.List.of()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SimulatorMain.describe(sim, new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines[0]).isEqualTo(sim.baseUri().toString());
            assertThat(lines[1]).contains("simulator");
        }
    }
}
