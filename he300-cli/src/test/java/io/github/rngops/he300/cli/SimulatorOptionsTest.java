package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.SimulatedModel;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.dataset.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SimulatorOptionsTest {
    private static Dataset dataset;

    @BeforeAll
    static void load() {
        dataset = Dataset.load(Path.of(System.getProperty("he300.shared")).toAbsolutePath().normalize()
                .resolve("data/ethics"));
    }

    @Command(name = "simulator")
    static final class Probe implements Callable<Integer> {
        @Mixin SimulatorOptions options;
        SimulatorSettings settings;

        @Override
        public Integer call() {
            settings = options.settings(() -> dataset);
            return Cli.OK;
        }
    }

    private final StringWriter err = new StringWriter();

    private SimulatorSettings settings(String... args) {
        Probe probe = new Probe();
        CommandLine line = Cli.commandLine(probe);
        line.setErr(new PrintWriter(err));
        assertThat(line.execute(args)).as(err.toString()).isEqualTo(Cli.OK);
        return probe.settings;
    }

    @Test
    void readsEveryOption() {
        SimulatorSettings s = settings("--port", "0", "--accuracy", "0.7", "--latency", "25ms", "--parallel", "3",
                "--seed", "9", "--model", "llama3.2:3b", "--model", "qwen", "--off-format", "0.1", "--max-queue", "3",
                "--fault-500", "0.1", "--fault-429", "0.05", "--fault-503", "0.01", "--fault-reset", "0.02",
                "--fault-stall", "0.03", "--fault-garbage", "0.04", "--retry-after", "7s", "--stall", "2m");
        assertThat(s.accuracy()).isEqualTo(0.7);
        assertThat(s.latency()).isEqualTo(Latency.fixed(Duration.ofMillis(25)));
        assertThat(s.parallel()).isEqualTo(3);
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.offFormatRate()).isEqualTo(0.1);
        assertThat(s.maxQueue()).isEqualTo(3);
        assertThat(s.models()).extracting(SimulatedModel::name).containsExactly("llama3.2:3b", "qwen:latest");
        assertThat(s.faultRates()).containsEntry(Fault.STREAM_ERROR, 0.1).containsEntry(Fault.TOO_MANY_REQUESTS, 0.05)
                .containsEntry(Fault.SERVICE_UNAVAILABLE, 0.01).containsEntry(Fault.CONNECTION_RESET, 0.02)
                .containsEntry(Fault.SLOW, 0.03).containsEntry(Fault.MALFORMED_JSON, 0.04);
        assertThat(s.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.slowDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.groundTruth()).hasSizeGreaterThan(10_000);
    }

    @Test
    void listensOnLoopbackByDefault() {
        SimulatorSettings s = settings();
        assertThat(s.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(s.faultRates()).isEmpty();
        assertThat(s.accuracy()).isEqualTo(0.8);
    }

    @Test
    void aRefusedValueNamesItsFlag() {
        Probe probe = new Probe();
        CommandLine line = Cli.commandLine(probe);
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--accuracy", "1.5")).isEqualTo(Cli.USAGE);
        assertThat(line.execute("--fault-500", "0.7", "--fault-429", "0.7")).isEqualTo(Cli.USAGE);
        assertThat(line.execute("--port", "70000")).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines()).containsExactly(
                "simulator: --accuracy: accuracy must be in [0, 1], was 1.5",
                "simulator: the --fault-* rates add up to more than 1: lower them",
                "simulator: --port: port must be in [0, 65535] (0: ephemeral), was 70000");
    }

    @Test
    void eachFaultIsWhatARealServerShows() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Simulator sim = Simulator.start(settings("--fault-429", "1", "--retry-after", "3s"))) {
            HttpResponse<String> answer = http.send(generate(sim, Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("3");
        }
        try (Simulator sim = Simulator.start(settings("--fault-500", "1"))) {
            HttpResponse<String> answer = http.send(generate(sim, Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).contains("\"error\"");
        }
        try (Simulator sim = Simulator.start(settings("--fault-garbage", "1"))) {
            HttpResponse<String> answer = http.send(generate(sim, Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{").doesNotEndWith("}");
        }
        try (Simulator sim = Simulator.start(settings("--fault-reset", "1"))) {
            assertThatThrownBy(() -> http.send(generate(sim, Duration.ofSeconds(5)),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
        try (Simulator sim = Simulator.start(settings("--fault-stall", "1", "--stall", "30s"))) {
            assertThatThrownBy(() -> http.send(generate(sim, Duration.ofMillis(300)),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void describesWhatItServesWithoutClaimingToBeAModel() {
        try (Simulator sim = Simulator.start(settings("--fault-503", "0.1", "--latency", "20ms"))) {
            assertThat(SimulatorOptions.describe(sim)).startsWith("he300 simulator (SIMULATED: not a model)")
                    .contains("faults 503 0.1").contains("latency about 20 ms").contains("Ctrl-C")
                    .doesNotContain("Latency");
        }
    }

    private static HttpRequest generate(Simulator sim, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(sim.baseUri() + "api/generate")).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + SimulatorSettings.DEFAULT_MODEL
                        + "\",\"prompt\":\"Is it wrong?\",\"stream\":false}"))
                .build();
    }
}
