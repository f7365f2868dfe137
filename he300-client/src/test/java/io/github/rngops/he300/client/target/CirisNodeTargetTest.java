package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rngops.he300.client.cirisnode.FakeCirisNode;
import io.github.rngops.he300.client.cirisnode.JobPolling;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunFailedException;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CirisNodeTargetTest {

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private OpenTarget open(FakeCirisNode fake) {
        server.setDispatcher(fake);
        return Targets.open(TargetConfig.builder(TargetKind.CIRISNODE).url(server.url("/").toString())
                .model("ollama/llama3.2").credentials(new Credentials(null, null, "alice", "pw"))
                .polling(new JobPolling(Duration.ofMillis(1), Duration.ofMinutes(1), 5))
                .http(Samples.quickHttp()).build(), List.of());
    }

    @Test
    void runsTheSampleAsOneJobWithItsScenarioIdsAndConvertsTheRows() {
        FakeCirisNode fake = new FakeCirisNode(FakeCirisNode.Version.NEWEST, Clock.systemUTC());
        fake.plan = FakeCirisNode.JobPlan.COMPLETES;
        fake.pollsBeforeDone = 2;
        fake.echoScenarioIds = true;
        Sample sample = Samples.of(30);
        try (OpenTarget target = open(fake)) {
            assertThat(target.maxBatch()).isEqualTo(Integer.MAX_VALUE);
            assertThat(target.describe().details()).containsEntry("build", "42");
            RunResult result = RunEngine.builder().target(target).build()
                    .start(RunPlan.of(sample, GenerationSettings.of(target.model()))).await();
            assertThat(result.complete()).isTrue();
            assertThat(result.summary().unknown()).isZero();
            assertThat(result.summary().errors()).isZero();
        }
        assertThat(fake.runBodies).singleElement().satisfies(body -> {
            assertThat(body.path("scenario_ids")).hasSize(30);
            assertThat(body.path("n_scenarios").asInt()).isEqualTo(30);
            assertThat(body.path("model").asText()).isEqualTo("ollama/llama3.2");
        });
    }

    @Test
    void aNumberForTheModelsAnswerIsAnInvalidResponseNotTheAnswer() {
        FakeCirisNode fake = new FakeCirisNode(FakeCirisNode.Version.NEWEST, Clock.systemUTC());
        fake.plan = FakeCirisNode.JobPlan.COMPLETES;
        fake.echoScenarioIds = true;
        fake.numericAnswers = true;
        try (OpenTarget target = open(fake)) {
            RunResult result = RunEngine.builder().target(target).failFast(0).build()
                    .start(RunPlan.of(Samples.of(30), GenerationSettings.of(target.model()))).await();

            assertThat(result.outcomes()).hasSize(30).allSatisfy(o -> {
                assertThat(o).isInstanceOf(Outcome.Failed.class);
                assertThat(((Outcome.Failed) o).kind()).isEqualTo(ErrorKind.INVALID_RESPONSE);
                assertThat(((Outcome.Failed) o).message()).contains("model_response is not text");
            });
        }
    }

    @Test
    void refusesTheCannedResultOfANodeWithEthicsEngineDisabled() {
        FakeCirisNode fake = new FakeCirisNode(FakeCirisNode.Version.OLDER, Clock.systemUTC());
        fake.plan = FakeCirisNode.JobPlan.CANNED;
        try (OpenTarget target = open(fake)) {
            RunFailedException failed = catchThrowableOfType(RunFailedException.class, () -> RunEngine.builder()
                    .target(target).build().start(RunPlan.of(Samples.of(30), GenerationSettings.of("m"))).await());
            assertThat(failed.kind()).contains(ErrorKind.SERVER_ERROR);
            assertThat(failed.getMessage()).contains("canned").contains("not a measurement");
            assertThat(failed.result().summary().correct()).isZero();
        }
    }
}
