package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    @TempDir
    Path runDir;

    private static RunEngine engine(Target target) {
        return RunEngine.builder().target(target).concurrency(3).batchTimeout(Duration.ofSeconds(10)).build();
    }

    private static RunResult uninterrupted(int size) {
        return engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(size)).await();
    }

    @Test
    void writesManifestJournalAndResult() throws IOException {
        RunResult result = engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(12), runDir).await();

        RunManifest manifest = RunManifest.read(runDir);
        assertThat(manifest.spec()).isEqualTo(result.spec());
        assertThat(manifest.scenarios()).isEqualTo(Fixtures.sample(12).scenarios());
        assertThat(manifest.plan()).isEqualTo(Fixtures.plan(12));
        assertThat(Files.readAllLines(runDir.resolve("outcomes.jsonl"))).hasSize(12);
        assertThat(RunResultJson.read(runDir.resolve("result.json"))).isEqualTo(result);
    }

    @Test
    void refusesToStartInADirectoryThatHoldsARun() {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(3), runDir).await();

        assertThatThrownBy(() -> engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(3), runDir))
                .isInstanceOf(He300Exception.class).hasMessageContaining("already holds a run")
                .hasMessageContaining("--resume");
    }

    @Test
    void resumeAfterStopSendsOnlyWhatHasNoOutcomeAndEndsAsAnUninterruptedRun() throws Exception {
        Run first = engine(FakeTarget.answering(1, 2)).start(Fixtures.plan(200), runDir);
        Waiting.until(() -> first.progress().done() >= 10);
        RunResult partial = first.stop(Duration.ofSeconds(1));
        assertThat(partial.complete()).isFalse();
        assertThat(RunResultJson.read(runDir.resolve("result.json")).complete()).isFalse();
        List<String> done = partial.outcomes().stream().map(Outcome::scenarioId).collect(Collectors.toList());

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir).await();

        assertThat(second.requestedIds()).doesNotContainAnyElementsOf(done).hasSize(200 - done.size());
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.timing().resumed()).isEqualTo(done.size());
        assertThat(resumed.timing().evaluated()).isEqualTo(200 - done.size());
        assertThat(Fixtures.essence(resumed.outcomes())).isEqualTo(Fixtures.essence(uninterrupted(200).outcomes()));
        assertThat(resumed.summary().correct()).isEqualTo(uninterrupted(200).summary().correct());
        assertThat(Files.readAllLines(runDir.resolve("outcomes.jsonl"))).hasSize(200);
    }

    @Test
    void resumingACompleteRunSendsNothing() {
        RunResult first = engine(FakeTarget.answering(2, 0)).start(Fixtures.plan(10), runDir).await();
        FakeTarget second = FakeTarget.answering(2, 0);

        RunResult again = engine(second).resume(runDir).await();

        assertThat(second.batches).isEmpty();
        assertThat(again.outcomes()).isEqualTo(first.outcomes());
    }

    @Test
    void tornLastLineIsDroppedAndItsScenarioSentAgain() throws IOException {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(10), runDir).await();
        Path journal = runDir.resolve("outcomes.jsonl");
        List<String> lines = Files.readAllLines(journal);
        String torn = lines.get(9).substring(0, lines.get(9).length() / 2);
        Files.writeString(journal, String.join("\n", lines.subList(0, 9)) + "\n" + torn, StandardCharsets.UTF_8);
        String tornId = JsonCodec.MAPPER.readValue(lines.get(9), Outcome.class).scenarioId();

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir).await();

        assertThat(second.requestedIds()).containsExactly(tornId);
        assertThat(resumed.complete()).isTrue();
        List<String> now = Files.readAllLines(journal);
        assertThat(now).hasSize(10).doesNotContain(torn);
        for (String line : now) {
            JsonCodec.MAPPER.readValue(line, Outcome.class);
        }
    }

    @Test
    void resumeSendsFailedScenariosAgainByDefaultAndTheJournalHoldsEachScenarioOnce() throws IOException {
        FakeTarget flaky = new FakeTarget(1, batch -> {
            ScenarioRequest request = batch.requests().get(0);
            int n = Integer.parseInt(request.scenarioId().substring(request.scenarioId().lastIndexOf(':') + 1));
            return n % 3 == 0 ? List.of(Reply.failure(request.scenarioId(), ErrorKind.HTTP_5XX, "500: restarting", 1))
                    : FakeTarget.answers(batch, 0);
        });
        RunResult first = engine(flaky).start(Fixtures.plan(12), runDir).await();
        List<String> failed = first.outcomes().stream().filter(o -> o instanceof Outcome.Failed)
                .map(Outcome::scenarioId).collect(Collectors.toList());
        assertThat(failed).isNotEmpty();

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir).await();

        assertThat(second.requestedIds()).containsExactlyInAnyOrderElementsOf(failed);
        assertThat(resumed.summary().errors()).isZero();
        assertThat(resumed.timing().resumed()).isEqualTo(12 - failed.size());
        assertThat(Fixtures.essence(resumed.outcomes())).isEqualTo(Fixtures.essence(uninterrupted(12).outcomes()));
        assertThat(journalIds()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void resumeKeepsFailedOutcomesWhenAskedTo() {
        FakeTarget failing = new FakeTarget(1, batch -> List.of(Reply.failure(batch.requests().get(0).scenarioId(),
                ErrorKind.HTTP_5XX, "500", 1)));
        engine(failing).start(Fixtures.plan(4), runDir).await();

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir, FailedOutcomes.KEEP).await();

        assertThat(second.requestedIds()).isEmpty();
        assertThat(resumed.summary().errors()).isEqualTo(4);
    }

    @Test
    void aDuplicateJournalLineIsDroppedFromTheResultAndTheJournal() throws IOException {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(6), runDir).await();
        Path journal = runDir.resolve("outcomes.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, lines.get(2) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir).await();

        assertThat(second.requestedIds()).isEmpty();
        assertThat(resumed.outcomes()).hasSize(6);
        assertThat(resumed.outcomes().stream().map(Outcome::scenarioId)).doesNotHaveDuplicates();
        assertThat(journalIds()).hasSize(6).doesNotHaveDuplicates();
        assertThat(RunResultJson.read(runDir.resolve("result.json")).outcomes()).hasSize(6);
    }

    @Test
    void ofTwoLinesForAScenarioTheAnswerBeatsTheFailure() throws IOException {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(3), runDir).await();
        Path journal = runDir.resolve("outcomes.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Outcome answered = JsonCodec.MAPPER.readValue(lines.get(0), Outcome.class);
        Outcome failed = new Outcome.Failed(answered.scenarioId(), answered.category(), answered.expectedLabel(),
                ErrorKind.TIMEOUT, "slow", 5, 1);
        Files.writeString(journal, JsonCodec.MAPPER.writeValueAsString(failed) + "\n" + String.join("\n", lines)
                + "\n", StandardCharsets.UTF_8);

        FakeTarget second = FakeTarget.answering(1, 0);
        RunResult resumed = engine(second).resume(runDir, FailedOutcomes.KEEP).await();

        assertThat(second.requestedIds()).isEmpty();
        assertThat(resumed.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Answered.class));
        assertThat(journalIds()).hasSize(3);
    }

    private List<String> journalIds() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("outcomes.jsonl"))) {
            ids.add(JsonCodec.MAPPER.readValue(line, Outcome.class).scenarioId());
        }
        return ids;
    }

    @Test
    void damagedLineBeforeTheLastIsRefusedWithItsNumber() throws IOException {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(4), runDir).await();
        Path journal = runDir.resolve("outcomes.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.set(1, "{\"status\":\"answered\",");
        Files.write(journal, lines);

        assertThatThrownBy(() -> engine(FakeTarget.answering(1, 0)).resume(runDir))
                .isInstanceOf(He300Exception.class).hasMessageContaining("line 2");
    }

    @Test
    void refusesToResumeAgainstAnotherKindOfTarget() {
        engine(FakeTarget.answering(1, 0)).start(Fixtures.plan(3), runDir).await();
        FakeTarget other = new FakeTarget(1, batch -> FakeTarget.answers(batch, 0), "openai");

        assertThatThrownBy(() -> engine(other).resume(runDir)).isInstanceOf(He300Exception.class)
                .hasMessageContaining("fake").hasMessageContaining("openai");
    }

    @Test
    void refusesADirectoryWithoutARun() {
        assertThatThrownBy(() -> engine(FakeTarget.answering(1, 0)).resume(runDir))
                .isInstanceOf(He300Exception.class).hasMessageContaining("not a run directory");
    }

    @Test
    void resumesARunKilledWithSigkill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRunMain.class.getName(), runDir.toString(),
                String.valueOf(KilledRunMain.SIZE))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path journal = runDir.resolve("outcomes.jsonl");
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines(journal) < 40) {
                assertThat(child.isAlive()).as("the child run is still running").isTrue();
                assertThat(System.nanoTime()).as("the child journals 40 outcomes within 20 s").isLessThan(giveUp);
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hooks, no flushing
            child.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> journaled = KilledRunMain.journaledIds(journal);
        assertThat(journaled).hasSizeLessThan(KilledRunMain.SIZE).doesNotHaveDuplicates();
        assertThat(runDir.resolve("result.json")).doesNotExist();

        FakeTarget resumedTarget = FakeTarget.answering(1, 0);
        RunResult resumed = engine(resumedTarget).resume(runDir).await();

        assertThat(resumedTarget.requestedIds()).doesNotContainAnyElementsOf(journaled)
                .hasSize(KilledRunMain.SIZE - journaled.size());
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.outcomes()).extracting(Outcome::scenarioId).doesNotHaveDuplicates()
                .containsExactlyElementsOf(Fixtures.sample(KilledRunMain.SIZE).scenarios().stream()
                        .map(s -> s.id()).collect(Collectors.toList()));
        assertThat(Fixtures.essence(resumed.outcomes()))
                .isEqualTo(Fixtures.essence(uninterrupted(KilledRunMain.SIZE).outcomes()));
        assertThat(Files.readAllLines(journal)).hasSize(KilledRunMain.SIZE);
    }

    private static long lines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        try (var in = Files.newInputStream(journal, StandardOpenOption.READ)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        }
    }
}
