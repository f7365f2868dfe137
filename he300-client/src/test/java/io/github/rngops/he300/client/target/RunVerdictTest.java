package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rngops.he300.client.http.CircuitBreakerSettings;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.client.http.Sleeper;
import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.RequestRecord;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunFailedException;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a run records when the server misbehaves the ways real ones do, engine and simulator over real loopback HTTP:
 * failures that are not the scenario's are not recorded as its outcome, and those that are say what really happened.
 */
class RunVerdictTest {

    /** Quick retries that really sleep (the breaker's clock is the system's), a breaker that reopens in 100 ms. */
    private static HttpSettings resilient(int attempts) {
        return HttpSettings.builder().sleeper(Sleeper.system())
                .retry(RetrySettings.builder().maxAttempts(attempts).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(40)).maxTotalTime(Duration.ofMinutes(1)).build())
                .circuitBreaker(CircuitBreakerSettings.builder().slidingWindowSize(20).minimumCalls(10)
                        .openDuration(Duration.ofMillis(100)).halfOpenCalls(3).build())
                .build();
    }

    private static OpenTarget simulated(HttpSettings http, UnaryOperator<SimulatorSettings.Builder> simulator) {
        return Targets.open(TargetConfig.builder(TargetKind.SIMULATE).http(http).simulator(simulator).build(),
                SAMPLE.scenarios());
    }

    private static final Sample SAMPLE = Samples.of(150);

    private static RunPlan plan(OpenTarget target) {
        return RunPlan.of(SAMPLE, Targets.generation(TargetKind.SIMULATE, target.model(), 42, 64));
    }

    @Test
    void anOpenBreakerHoldsScenariosBackInsteadOfFailingThem() {
        // 48 in flight against 2 slots and a queue of 4: most requests are turned away with 503, the breaker opens.
        try (OpenTarget target = simulated(resilient(40),
                b -> b.parallel(2).maxQueue(4).latency(Latency.fixed(Duration.ofMillis(2))))) {
            RunResult result = RunEngine.builder().target(target).concurrency(48).failFast(0).build()
                    .start(plan(target)).await();

            Simulator simulator = ((SimulatedTarget) target).simulator();
            assertThat(simulator.log().generations()).anyMatch(r -> r.outcome() == RequestRecord.Outcome.BUSY);
            assertThat(result.summary().errors()).as(errors(result)).isZero();
            assertThat(result.outcomes()).hasSize(150);
        }
    }

    @Test
    void aServerAnswering500ToEverythingFailsFastWithThatKindNotWithTheBreakers() {
        // The breaker opens after 4 failures, before fail-fast has seen its 10 outcomes.
        HttpSettings http = resilient(2).toBuilder().circuitBreaker(CircuitBreakerSettings.builder()
                .slidingWindowSize(4).minimumCalls(4).openDuration(Duration.ofMillis(100)).build()).build();
        try (OpenTarget target = simulated(http, b -> b.faultRate(Fault.RUNNER_TERMINATED, 1.0))) {
            RunFailedException e = catchThrowableOfType(RunFailedException.class,
                    () -> RunEngine.builder().target(target).concurrency(8).failFast(10).build()
                            .start(plan(target)).await());

            assertThat(e.kind()).contains(ErrorKind.HTTP_5XX);
            assertThat(e.getMessage()).contains("the first 10 scenarios all failed with HTTP_5XX")
                    .contains("llama runner process has terminated");
            assertThat(e.result().outcomes()).allSatisfy(o -> {
                Outcome.Failed failed = (Outcome.Failed) o;
                assertThat(failed.kind()).isEqualTo(ErrorKind.HTTP_5XX);
                assertThat(failed.message()).doesNotContain("after 0 failures");
            });
        }
    }

    @Test
    void aRestartingOllamaRunnerCostsNoScenarioAndTheAttemptsAreRecorded() {
        // 10 attempts at a 20% crash rate: the chance that one of the 150 scenarios crashes 10 times is ~2e-5
        // (0.3 and 8 attempts: ~1%; concurrency decides which request draws a fault, so the draws vary run to run)
        try (OpenTarget target = simulated(resilient(10).toBuilder().circuitBreaker(CircuitBreakerSettings.disabled())
                .build(), b -> b.faultRate(Fault.RUNNER_TERMINATED, 0.2))) {
            RunResult result = RunEngine.builder().target(target).concurrency(4).build().start(plan(target)).await();

            assertThat(result.summary().errors()).as(errors(result)).isZero();
            Map<String, Long> sent = ((SimulatedTarget) target).simulator().log().generations().stream()
                    .collect(Collectors.groupingBy(RequestRecord::scenarioId, Collectors.counting()));
            assertThat(result.outcomes()).allSatisfy(o ->
                    assertThat((long) o.attempts()).as(o.scenarioId()).isEqualTo(sent.get(o.scenarioId())));
            assertThat(result.outcomes()).anyMatch(o -> o.attempts() > 1);
        }
    }

    @Test
    void anAnswerOfTheWrongJsonTypeIsAnInvalidResponseNotTheAnswer() {
        for (boolean chat : new boolean[] {false, true}) {
            TargetConfig config = TargetConfig.builder(TargetKind.SIMULATE).chat(chat).http(Samples.quickHttp())
                    .simulator(b -> b.faultRate(Fault.WRONG_TYPE, 1.0)).build();
            try (OpenTarget target = Targets.open(config, SAMPLE.scenarios())) {
                RunResult result = RunEngine.builder().target(target).failFast(0).build().start(plan(target)).await();

                assertThat(result.outcomes()).allSatisfy(o -> {
                    assertThat(o).isInstanceOf(Outcome.Failed.class);
                    assertThat(((Outcome.Failed) o).kind()).isEqualTo(ErrorKind.INVALID_RESPONSE);
                    assertThat(((Outcome.Failed) o).message()).contains(chat ? "message.content is not text"
                            : "response is not text");
                });
            }
        }
    }

    @Test
    void theOpenAiTargetAgainstTheSimulatorIsSimulatedAndRefusesANumberForAnAnswer() {
        SimulatorSettings settings = SimulatorSettings.of(SAMPLE.scenarios()).toBuilder()
                .faultRate(Fault.WRONG_TYPE, 0.5).build();
        try (Simulator simulator = Simulator.start(settings)) {
            TargetConfig config = TargetConfig.builder(TargetKind.OPENAI).url(simulator.baseUri() + "v1")
                    .http(Samples.quickHttp()).build();
            try (OpenTarget target = Targets.open(config, SAMPLE.scenarios())) {
                assertThat(target.describe().simulated()).isTrue();
                RunResult result = RunEngine.builder().target(target).failFast(0).build().start(RunPlan.of(SAMPLE,
                        Targets.generation(TargetKind.OPENAI, target.model(), 42, 64))).await();

                assertThat(result.environment().simulated()).isTrue();
                long wrong = simulator.log().generations().stream().filter(r -> r.fault() == Fault.WRONG_TYPE).count();
                assertThat(wrong).isPositive();
                assertThat(result.outcomes().stream().filter(o -> o instanceof Outcome.Failed)).hasSize((int) wrong)
                        .allSatisfy(o -> assertThat(((Outcome.Failed) o).message())
                                .contains("choices[0].message.content is not text"));
                assertThat(result.outcomes()).noneMatch(o -> o instanceof Outcome.Answered
                        && ((Outcome.Answered) o).text().equals("42"));
            }
        }
    }

    private static String errors(RunResult result) {
        return result.outcomes().stream().filter(o -> o instanceof Outcome.Failed).limit(3)
                .map(o -> ((Outcome.Failed) o).message()).collect(Collectors.joining("\n"));
    }
}
