package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.TargetInfo;
import io.github.rngops.he300.core.sample.Sample;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedTargetTest {

    @TempDir
    Path runs;

    @Test
    void runsAWholeSampleOverRealHttpAndSaysItIsSimulated() {
        Sample sample = Samples.of(30);
        TargetConfig config = TargetConfig.builder(TargetKind.SIMULATE).http(Samples.quickHttp())
                .simulator(b -> b.accuracy(1.0)).build();
        try (OpenTarget target = Targets.open(config, sample.scenarios())) {
            TargetInfo info = target.describe();
            assertThat(info.kind()).isEqualTo("simulate");
            assertThat(info.simulated()).isTrue();
            assertThat(info.serverVersion()).contains("simulator");
            assertThat(info.modelDigest()).isNotBlank();
            assertThat(info.quantization()).isEqualTo("Q4_K_M");
            RunResult result = RunEngine.builder().target(target).build().start(RunPlan.of(sample,
                    Targets.generation(TargetKind.SIMULATE, target.model(), 42, 64)), runs.resolve("run")).await();
            assertThat(result.complete()).isTrue();
            assertThat(result.environment().simulated()).isTrue();
            assertThat(result.summary().accuracy()).isEqualTo(1.0);
            assertThat(result.settings().options()).containsEntry("temperature", 0).containsEntry("seed", 42)
                    .containsEntry("num_predict", 64);
            assertThat(((SimulatedTarget) target).simulator().log().entries()).isNotEmpty();
        }
    }

    @Test
    void servesTheModelAskedForWithOrWithoutItsProviderPrefix() {
        TargetConfig config = TargetConfig.builder(TargetKind.SIMULATE).model("ollama/llama3.2")
                .http(Samples.quickHttp()).build();
        try (OpenTarget target = Targets.open(config, Samples.of(30).scenarios())) {
            assertThat(target.model()).isEqualTo("llama3.2");
            assertThat(target.describe().details()).containsEntry("model", "llama3.2");
        }
    }

    @Test
    void aResumedRunAgainstAFreshSimulatorSendsOnlyWhatIsLeft() {
        Sample sample = Samples.of(30);
        Path dir = runs.resolve("stopped");
        TargetConfig slow = TargetConfig.builder(TargetKind.SIMULATE).http(Samples.quickHttp())
                .simulator(b -> b.latency(Latency.fixed(Duration.ofMillis(40))).parallel(1)).build();
        RunResult partial;
        try (OpenTarget target = Targets.open(slow, sample.scenarios())) {
            var run = RunEngine.builder().target(target).concurrency(1).build().start(RunPlan.of(sample,
                    Targets.generation(TargetKind.SIMULATE, target.model(), 42, 64)), dir);
            while (run.progress().done() < 3) {
                Thread.onSpinWait();
            }
            partial = run.stop(Duration.ofSeconds(2));
        }
        assertThat(partial.complete()).isFalse();
        int before = partial.outcomes().size();
        TargetConfig fast = TargetConfig.builder(TargetKind.SIMULATE).http(Samples.quickHttp()).build();
        try (OpenTarget target = Targets.open(fast, sample.scenarios())) {
            RunResult result = RunEngine.builder().target(target).build().resume(dir).await();
            assertThat(result.complete()).isTrue();
            assertThat(result.timing().resumed()).isEqualTo(before);
            long generations = ((SimulatedTarget) target).simulator().log().generations().size();
            assertThat(generations).isEqualTo(30 - before);
        }
    }

    @Test
    void refusesAModelTheSimulatorDoesNotServeBeforeTheRun() {
        TargetConfig config = TargetConfig.builder(TargetKind.OLLAMA).model("mistral")
                .http(Samples.quickHttp()).build();
        try (var sim = io.github.rngops.he300.client.simulator.Simulator.start(
                io.github.rngops.he300.client.simulator.SimulatorSettings.of(Samples.of(30).scenarios()))) {
            TargetConfig atSim = config.toBuilder().url(sim.baseUri().toString()).build();
            assertThatThrownBy(() -> Targets.open(atSim, java.util.List.of()))
                    .isInstanceOf(He300Exception.class)
                    .hasMessageContaining("model 'mistral' is not on the Ollama")
                    .hasMessageContaining("he300-simulator:latest");
        }
    }
}
