package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under chaos: a target that throws, hangs past the deadline, answers late, answers for scenarios it was
 * not asked about, answers twice or not at all. Every scenario must end with one outcome, in the result and the journal.
 */
class ChaosTest {

    @TempDir
    Path runDir;

    @RepeatedTest(3)
    void everyScenarioEndsWithExactlyOneOutcome() throws IOException {
        FakeTarget target = new FakeTarget(7, ChaosTest::chaos);
        RunEngine engine = RunEngine.builder().target(target).concurrency(6).batchTimeout(Duration.ofMillis(15))
                .failFast(0).build();

        RunResult result = engine.start(Fixtures.plan(400), runDir).await();

        List<String> ids = result.outcomes().stream().map(Outcome::scenarioId).collect(Collectors.toList());
        assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(result.spec().scenarioIds());
        assertThat(result.complete()).isTrue();
        List<String> journal = Files.readAllLines(runDir.resolve("outcomes.jsonl"));
        assertThat(journal).hasSize(400);
        Set<String> journaled = new HashSet<>();
        for (String line : journal) {
            assertThat(journaled.add(JsonCodec.MAPPER.readValue(line, Outcome.class).scenarioId())).isTrue();
        }
        assertThat(result.outcomes()).filteredOn(o -> o instanceof Outcome.Failed)
                .extracting(o -> ((Outcome.Failed) o).kind()).contains(ErrorKind.TIMEOUT);
        assertThat(RunResultJson.read(runDir.resolve("result.json"))).isEqualTo(result);
    }

    private static List<Reply> chaos(Batch batch) throws InterruptedException {
        Random random = new Random(batch.requests().get(0).scenarioId().hashCode());
        List<Reply> replies = new ArrayList<>(FakeTarget.answers(batch, 1));
        switch (random.nextInt(9)) {
            case 0:
                throw new IllegalStateException("chaos");
            case 1:
                throw new TargetException(ErrorKind.HTTP_5XX, "chaos 503");
            case 2:
                Thread.sleep(40);   // past the deadline; interrupted, or answers late
                return replies;
            case 3:
                long until = System.nanoTime() + 25_000_000L;   // past the deadline, deaf to interrupts
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return replies;
            case 4:
                replies.add(Reply.answer("test:cm_test:00000", "Unethical", 1));
                replies.add(Reply.answer("not-a-scenario", "Ethical", 1));
                return replies;
            case 5:
                replies.addAll(FakeTarget.answers(batch, 2));
                Collections.shuffle(replies, random);
                return replies;
            case 6:
                return replies.subList(0, random.nextInt(replies.size()));
            case 7:
                Thread.sleep(random.nextInt(10));
                replies.set(0, Reply.failure(replies.get(0).scenarioId(), ErrorKind.CONNECTION, "reset", 1));
                return replies;
            default:
                return random.nextBoolean() ? null : replies;
        }
    }
}
