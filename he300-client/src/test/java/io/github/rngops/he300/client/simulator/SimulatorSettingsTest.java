package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.Category;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void defaultsAreOllamasAndSaySimulator() {
        SimulatorSettings settings = SimulatorSettings.of(List.of());
        assertThat(settings.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(settings.port()).isZero();
        assertThat(settings.parallel()).isEqualTo(1);
        assertThat(settings.maxQueue()).isEqualTo(512);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.version()).contains("simulator");
        assertThat(settings.models()).extracting(SimulatedModel::name).containsExactly("he300-simulator:latest");
        assertThat(settings.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void toBuilderKeepsEverything() {
        SimulatorSettings settings = SimulatorSettings.builder().accuracy(0.6).accuracy(Category.VIRTUE, 0.3)
                .offFormatRate(0.1).parallel(4).maxQueue(9).seed(5).faultRate(Fault.SLOW, 0.2)
                .faultAt(3, Fault.CONNECTION_RESET).latency(Latency.uniform(Duration.ZERO, Duration.ofMillis(9)))
                .models("a", "b:1").build();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.accuracyFor(Category.VIRTUE)).isEqualTo(0.3);
        assertThat(settings.accuracyFor(Category.JUSTICE)).isEqualTo(0.6);
        assertThat(settings.model("a")).isPresent();
        assertThat(settings.model("b:1")).isPresent();
        assertThat(settings.model("b")).isEmpty();
    }

    @Test
    void refusesBadValuesNamingTheSettingAndValue() {
        SimulatorSettings.Builder builder = SimulatorSettings.builder();
        assertThatThrownBy(() -> builder.accuracy(1.2)).hasMessage("accuracy must be in [0, 1], was 1.2");
        assertThatThrownBy(() -> builder.accuracy(Double.NaN)).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> builder.accuracy(Category.VIRTUE, -0.1))
                .hasMessage("accuracy of virtue must be in [0, 1], was -0.1");
        assertThatThrownBy(() -> builder.offFormatRate(2)).hasMessageContaining("offFormatRate");
        assertThatThrownBy(() -> builder.faultRate(Fault.SLOW, 1.5)).hasMessageContaining("rate of SLOW");
        assertThatThrownBy(() -> builder.parallel(0)).hasMessage("parallel must be at least 1, was 0");
        assertThatThrownBy(() -> builder.maxQueue(-1)).hasMessage("maxQueue must be at least 0, was -1");
        assertThatThrownBy(() -> builder.port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> builder.faultAt(0, Fault.SLOW)).hasMessageContaining("request number");
        assertThatThrownBy(() -> builder.retryAfter(Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> builder.version("0.12.0")).hasMessageContaining("simulator");
        assertThatThrownBy(() -> builder.models(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> SimulatedModel.of("a b")).hasMessageContaining("a b");
    }

    @Test
    void faultRatesMayNotSumPastOne() {
        SimulatorSettings.Builder builder = SimulatorSettings.builder().faultRate(Fault.SLOW, 0.6)
                .faultRate(Fault.MALFORMED_JSON, 0.6);
        assertThatThrownBy(builder::build).hasMessageContaining("sum to at most 1");
    }

    @Test
    void latencyDrawsAreDeterministicAndInRange() {
        Latency uniform = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
        for (long n = 1; n < 200; n++) {
            Duration drawn = uniform.draw(Seeds.forLatency(42, n));
            assertThat(drawn).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
            assertThat(uniform.draw(Seeds.forLatency(42, n))).isEqualTo(drawn);
        }
        Latency logNormal = Latency.logNormal(Duration.ofMillis(100), 0.5);
        long below = java.util.stream.LongStream.range(1, 1001)
                .filter(n -> logNormal.draw(Seeds.forLatency(42, n)).compareTo(Duration.ofMillis(100)) < 0).count();
        assertThat(below).isBetween(430L, 570L);
        assertThat(Latency.fixed(Duration.ofMillis(7)).draw(Seeds.forLatency(1, 1))).isEqualTo(Duration.ofMillis(7));
        assertThatThrownBy(() -> Latency.uniform(Duration.ofMillis(2), Duration.ofMillis(1)))
                .hasMessageContaining("min <= max");
        assertThatThrownBy(() -> Latency.logNormal(Duration.ofMillis(1), 4)).hasMessageContaining("sigma");
    }

    @Test
    void aSleeperMayBeInstalledSoTestsNeedNotSleep() throws Exception {
        List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimulatorSettings settings = SimulatorSettings.of(TestData.sample().scenarios()).toBuilder()
                .latency(Latency.fixed(Duration.ofSeconds(30))).sleeper(slept::add).build();
        try (Simulator sim = Simulator.start(settings)) {
            var body = Http.parse(new Http(sim).post("api/generate",
                    Http.generate(SimulatorSettings.DEFAULT_MODEL, TestData.sample().scenarios().get(0))).body());
            assertThat(slept).containsExactly(Duration.ofSeconds(30));
            assertThat(body.get("total_duration").asLong()).isGreaterThanOrEqualTo(30_000_000_000L);
        }
    }
}
