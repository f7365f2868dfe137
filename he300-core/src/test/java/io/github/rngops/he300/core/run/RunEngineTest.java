package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.parse.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunEngineTest {

    private static RunEngine.Builder engine(Target target) {
        return RunEngine.builder().target(target).batchTimeout(Duration.ofSeconds(10));
    }

    private static Map<String, Outcome> byId(RunResult result) {
        return result.outcomes().stream().collect(Collectors.toMap(Outcome::scenarioId, Function.identity()));
    }

    @Test
    void cutsTheSampleIntoBatchesOfTheTargetsLargestSize() {
        FakeTarget target = FakeTarget.answering(50, 0);

        RunResult result = engine(target).concurrency(3).build().start(Fixtures.plan(300)).await();

        assertThat(target.batches).hasSize(6).allSatisfy(batch -> assertThat(batch).hasSize(50));
        assertThat(target.requestedIds()).containsExactlyInAnyOrderElementsOf(result.spec().scenarioIds());
        assertThat(result.complete()).isTrue();
        assertThat(result.ending()).isEqualTo(Ending.COMPLETED);
        assertThat(result.settings().maxBatch()).isEqualTo(50);
    }

    @Test
    void lastBatchTakesTheRemainder() {
        FakeTarget target = FakeTarget.answering(50, 0);

        engine(target).build().start(Fixtures.plan(120)).await();

        assertThat(target.batches).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
    }

    @Test
    void keepsNoMoreBatchesInFlightThanTheConcurrency() {
        FakeTarget target = FakeTarget.answering(1, 3);

        RunResult result = engine(target).concurrency(4).build().start(Fixtures.plan(60)).await();

        assertThat(target.maxInFlight.get()).isLessThanOrEqualTo(4).isGreaterThan(1);
        assertThat(result.outcomes()).hasSize(60);
    }

    @Test
    void parsesEveryAnswerWithTheStrictParserAndScoresIt() {
        RunResult result = engine(FakeTarget.answering(10, 0)).build().start(Fixtures.plan(50)).await();

        Map<String, Outcome> outcomes = byId(result);
        for (Scenario scenario : Fixtures.sample(50).scenarios()) {
            Outcome.Answered answered = (Outcome.Answered) outcomes.get(scenario.id());
            assertThat(answered.text()).isEqualTo(Fixtures.answer(scenario));
            int number = Integer.parseInt(scenario.id().substring(scenario.id().lastIndexOf(':') + 1));
            if (number % 5 == 0) {
                assertThat(answered.verdict()).isEqualTo(Verdict.UNKNOWN);
                assertThat(answered.predictedLabel()).isNull();
                assertThat(answered.correct()).isFalse();
            } else {
                assertThat(answered.correct()).isEqualTo(number % 5 != 1);
            }
        }
        assertThat(result.summary().total()).isEqualTo(50);
        assertThat(result.summary().unknown()).isEqualTo(10);
        assertThat(result.summary().correct()).isEqualTo(30);
        assertThat(result.outcomes()).extracting(Outcome::scenarioId)
                .containsExactlyElementsOf(result.spec().scenarioIds());
    }

    @Test
    void recordsTheSettingsAndAnEnvironmentWithoutCredentials() {
        RunResult result = engine(FakeTarget.answering(1, 0)).concurrency(2).build().start(Fixtures.plan(5)).await();

        assertThat(result.settings().model()).isEqualTo("fake-model");
        assertThat(result.settings().options()).containsEntry("temperature", 0).containsEntry("top_p", 0.5);
        assertThat(result.settings().promptSet()).isEqualTo("ciris-v1");
        assertThat(result.settings().parseMode()).isEqualTo("strict");
        assertThat(result.settings().concurrency()).isEqualTo(2);
        assertThat(result.environment().url()).isEqualTo("http://localhost:11434/api?x=1");
        assertThat(result.environment().simulated()).isTrue();
        assertThat(result.environment().modelDigest()).isEqualTo("sha256:abc");
        assertThat(result.environment().javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(result.spec().seed()).isEqualTo("42");
        assertThat(result.spec().protocolVersion()).isEqualTo("1.0");
        assertThat(result.spec().datasetKnown()).isTrue();
        assertThat(result.timing().evaluated()).isEqualTo(5);
    }

    @Test
    void batchPastItsTimeoutFailsWithTimeoutAndItsLateAnswerIsIgnored() {
        FakeTarget target = new FakeTarget(5, batch -> {
            boolean slow = batch.requests().get(0).scenarioId().endsWith("00000");
            if (slow) {
                // Ignores the interrupt, and answers late.
                long until = System.nanoTime() + 60_000_000L;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            return FakeTarget.answers(batch, 1);
        });

        RunResult result = engine(target).batchTimeout(Duration.ofMillis(20)).failFast(0).build()
                .start(Fixtures.plan(15)).await();

        assertThat(result.outcomes()).hasSize(15);
        List<Outcome> failed = result.outcomes().stream().filter(o -> o instanceof Outcome.Failed)
                .collect(Collectors.toList());
        assertThat(failed).hasSize(5).allSatisfy(o -> {
            assertThat(((Outcome.Failed) o).kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(((Outcome.Failed) o).message()).contains("20 ms");
        });
        assertThat(result.complete()).isTrue();
    }

    @Test
    void missingAnswersFailAsInvalidResponseAndExtrasAreIgnored() {
        FakeTarget target = new FakeTarget(4, batch -> {
            List<Reply> replies = new ArrayList<>(FakeTarget.answers(batch, 1));
            replies.remove(0);
            replies.add(Reply.answer("test:nowhere:99999", "Ethical", 1));
            replies.add(Reply.answer(batch.requests().get(1).scenarioId(), "Unethical, said twice", 1));
            return replies;
        });

        RunResult result = engine(target).failFast(0).build().start(Fixtures.plan(8)).await();

        assertThat(result.outcomes()).hasSize(8);
        assertThat(result.outcomes()).filteredOn(o -> o instanceof Outcome.Failed).hasSize(2)
                .allSatisfy(o -> assertThat(((Outcome.Failed) o).kind()).isEqualTo(ErrorKind.INVALID_RESPONSE));
        assertThat(result.outcomes()).filteredOn(o -> o instanceof Outcome.Answered)
                .allSatisfy(o -> assertThat(((Outcome.Answered) o).text()).doesNotContain("said twice"));
    }

    @Test
    void aBatchThatThrowsFailsEachOfItsScenariosWithTheTargetsKind() {
        FakeTarget target = new FakeTarget(3, batch -> {
            if (batch.requests().get(0).scenarioId().endsWith("00003")) {
                throw new TargetException(ErrorKind.HTTP_5XX, "503 Service Unavailable", null, 4);
            }
            if (batch.requests().get(0).scenarioId().endsWith("00006")) {
                throw new IllegalStateException("bug in target");
            }
            return FakeTarget.answers(batch, 1);
        });

        RunResult result = engine(target).failFast(0).build().start(Fixtures.plan(9)).await();

        Map<String, Outcome> outcomes = byId(result);
        Outcome.Failed http = (Outcome.Failed) outcomes.get("test:justice_test:00003");
        assertThat(http.kind()).isEqualTo(ErrorKind.HTTP_5XX);
        assertThat(http.message()).isEqualTo("503 Service Unavailable");
        assertThat(http.attempts()).isEqualTo(4);
        Outcome.Failed bug = (Outcome.Failed) outcomes.get("test:cm_test_hard:00006");
        assertThat(bug.kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(bug.message()).contains("bug in target");
        assertThat(bug.attempts()).isEqualTo(1);
        assertThat(result.summary().errors()).isEqualTo(6);
    }

    @Test
    void failsFastWhenTheFirstOutcomesAllFailAlike() {
        FakeTarget target = new FakeTarget(1, batch -> {
            throw new TargetException(ErrorKind.MODEL_NOT_FOUND, "model 'x' not found");
        });

        assertThatThrownBy(() -> engine(target).concurrency(2).build().start(Fixtures.plan(100)).await())
                .isInstanceOfSatisfying(RunFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith(
                            "the first 10 scenarios all failed with MODEL_NOT_FOUND: model 'x' not found")
                            .contains("check --model");
                    assertThat(e.kind()).contains(ErrorKind.MODEL_NOT_FOUND);
                    assertThat(e.result().ending()).isEqualTo(Ending.FAILED_FAST);
                    assertThat(e.result().complete()).isFalse();
                    assertThat(e.result().outcomes()).hasSize(10);
                });
        assertThat(target.batches.size()).isLessThan(20);
    }

    @Test
    void doesNotFailFastWhenTheFirstFailuresDiffer() {
        FakeTarget target = new FakeTarget(1, batch -> {
            int number = Integer.parseInt(batch.requests().get(0).scenarioId().substring(
                    batch.requests().get(0).scenarioId().length() - 5));
            throw new TargetException(number % 2 == 0 ? ErrorKind.CONNECTION : ErrorKind.HTTP_5XX, "down");
        });

        RunResult result = engine(target).concurrency(1).build().start(Fixtures.plan(30)).await();

        assertThat(result.complete()).isTrue();
        assertThat(result.summary().errors()).isEqualTo(30);
    }

    @Test
    void stopWaitsForBatchesInFlightAndLeavesTheRestUnrun() throws Exception {
        FakeTarget target = FakeTarget.answering(1, 5);
        Run run = engine(target).concurrency(2).build().start(Fixtures.plan(400));
        Waiting.until(() -> run.progress().done() >= 5);

        RunResult partial = run.stop(Duration.ofSeconds(2));

        assertThat(partial.complete()).isFalse();
        assertThat(partial.ending()).isEqualTo(Ending.STOPPED);
        assertThat(partial.outcomes()).isNotEmpty().hasSizeLessThan(400)
                .allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Answered.class));
        // Every batch that was sent finished within the grace: nothing sent is left without an outcome.
        assertThat(partial.outcomes()).extracting(Outcome::scenarioId)
                .containsExactlyInAnyOrderElementsOf(target.requestedIds());
        assertThat(partial.summary().total()).isEqualTo(partial.outcomes().size());
        assertThat(run.stop(Duration.ZERO)).isEqualTo(partial);
    }

    @Test
    void cancelGivesUpOnBatchesInFlight() {
        FakeTarget target = FakeTarget.answering(1, 10_000);
        Run run = engine(target).concurrency(2).build().start(Fixtures.plan(10));

        RunResult partial = run.cancel();

        assertThat(partial.outcomes()).isEmpty();
        assertThat(partial.complete()).isFalse();
        assertThat(partial.summary().total()).isZero();
    }

    @Test
    void wholeRunDeadlineStopsTheRun() {
        FakeTarget target = FakeTarget.answering(1, 5);

        RunResult result = engine(target).concurrency(1).deadline(Duration.ofMillis(60)).build()
                .start(Fixtures.plan(200)).await();

        assertThat(result.ending()).isEqualTo(Ending.DEADLINE);
        assertThat(result.complete()).isFalse();
        assertThat(result.outcomes()).hasSizeLessThan(100);
        assertThat(result.settings().deadlineMs()).isEqualTo(60L);
    }

    @Test
    void reportsProgressAfterEveryOutcomeInOrder() {
        List<Progress> events = Collections.synchronizedList(new ArrayList<>());
        FakeTarget target = FakeTarget.answering(2, 1);

        RunResult result = engine(target).concurrency(3).listener(events::add).build().start(Fixtures.plan(20))
                .await();

        assertThat(events).hasSize(20);
        assertThat(events).extracting(Progress::done).isSorted().containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList()));
        Progress last = events.get(19);
        assertThat(last.total()).isEqualTo(20);
        assertThat(last.correct()).isEqualTo(result.summary().correct());
        assertThat(last.failed()).isZero();
        assertThat(last.eta()).hasValue(Duration.ZERO);
    }

    @Test
    void aListenerThatThrowsAbortsTheRun() {
        RunEngine engine = engine(FakeTarget.answering(1, 0)).listener(p -> {
            throw new IllegalStateException("broken bar");
        }).build();

        assertThatThrownBy(() -> engine.start(Fixtures.plan(5)).await()).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("broken bar");
    }

    @Test
    void builderRefusesBadSettingsAndNamesThem() {
        assertThatThrownBy(() -> RunEngine.builder().concurrency(0)).hasMessageContaining("concurrency")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> RunEngine.builder().batchTimeout(Duration.ZERO)).hasMessageContaining("batchTimeout");
        assertThatThrownBy(() -> RunEngine.builder().failFast(-1)).hasMessageContaining("failFast");
        assertThatThrownBy(() -> RunEngine.builder().build()).hasMessageContaining("target");
    }
}
