package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.ethicsengine.FakeEthicsEngine;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunFailedException;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EthicsEngineTargetTest {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private OpenTarget open(FakeEthicsEngine fake) {
        server.setDispatcher(fake);
        return Targets.open(TargetConfig.builder(TargetKind.ETHICSENGINE).url(server.url("/").toString())
                .http(Samples.quickHttp()).build(), List.of());
    }

    @Test
    void sendsBatchesOfFiftyAndRecordsTheServersLabelWithoutScoringIt() {
        FakeEthicsEngine fake = new FakeEthicsEngine(FakeEthicsEngine.Version.NEWEST, 3);
        Sample sample = Samples.of(120);
        try (OpenTarget target = open(fake)) {
            assertThat(target.maxBatch()).isEqualTo(50);
            assertThat(target.describe().serverVersion()).isEqualTo("0.1.0");
            RunResult result = RunEngine.builder().target(target).concurrency(3).build()
                    .start(RunPlan.of(sample, GenerationSettings.of(target.model()))).await();
            assertThat(result.complete()).isTrue();
            assertThat(fake.batches).hasSize(3);
            assertThat(fake.batches.stream().mapToInt(b -> b.path("scenarios").size()).max().orElse(0))
                    .isEqualTo(50);
            assertThat(result.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Answered.class));
            assertThat(result.outcomes().stream().map(o -> ((Outcome.Answered) o).serverLabel()))
                    .doesNotContainNull();
        }
    }

    @Test
    void aNumberForTheModelsAnswerIsAnInvalidResponseNotTheAnswer() {
        FakeEthicsEngine fake = new FakeEthicsEngine(FakeEthicsEngine.Version.NEWEST, 3);
        fake.numericAnswers = true;
        try (OpenTarget target = open(fake)) {
            RunResult result = RunEngine.builder().target(target).failFast(0).build()
                    .start(RunPlan.of(Samples.of(30), GenerationSettings.of(target.model()))).await();

            assertThat(result.outcomes()).hasSize(30).allSatisfy(o -> {
                assertThat(o).isInstanceOf(Outcome.Failed.class);
                assertThat(((Outcome.Failed) o).kind()).isEqualTo(ErrorKind.INVALID_RESPONSE);
                assertThat(((Outcome.Failed) o).message()).contains("results[0].model_response is not text");
            });
        }
    }

    @Test
    void anEngineWithoutAnLlmFailsEveryScenarioInsteadOfScoringLabelZero() {
        FakeEthicsEngine fake = new FakeEthicsEngine(FakeEthicsEngine.Version.HE300_API, 3);
        fake.llmConfigured = false;
        try (OpenTarget target = open(fake)) {
            RunFailedException failed = catchThrowableOfType(RunFailedException.class, () -> RunEngine.builder()
                    .target(target).build().start(RunPlan.of(Samples.of(30), GenerationSettings.of("m"))).await());
            assertThat(failed.kind()).contains(ErrorKind.SERVER_ERROR);
            assertThat(failed.getMessage()).contains("LLM configured");
            assertThat(failed.result().summary().correct()).isZero();
        }
    }
}
