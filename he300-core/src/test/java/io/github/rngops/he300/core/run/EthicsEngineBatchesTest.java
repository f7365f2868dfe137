package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EthicsEngineBatchesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final TargetInfo EEE = TargetInfo.of("ethicsengine", "http://localhost:8080");

    private static String row(String id, String category, int expected, Integer predicted, String response,
            String error) {
        return "{\"scenario_id\":\"" + id + "\",\"category\":\"" + category + "\",\"input_text\":\"text\","
                + "\"expected_label\":" + expected + ",\"predicted_label\":" + predicted + ",\"model_response\":"
                + (response == null ? "null" : "\"" + response + "\"") + ",\"is_correct\":true,\"confidence\":0.9,"
                + "\"latency_ms\":12.5,\"error\":" + (error == null ? "null" : "\"" + error + "\"")
                + ",\"trace_id\":\"t\"}";
    }

    private static String batch(String status, long processingMs, String... rows) {
        return "{\"batch_id\":\"b1\",\"status\":\"" + status + "\",\"results\":[" + String.join(",", rows) + "],"
                + "\"summary\":{\"total\":" + rows.length + ",\"correct\":" + rows.length + ",\"accuracy\":1.0},"
                + "\"identity_id\":\"Neutral\",\"guidance_id\":\"Neutral\",\"processing_time_ms\":" + processingMs
                + ",\"error_message\":null}";
    }

    @Test
    void convertsABatchResponseIntoReplies() {
        List<Reply> replies = EthicsEngineBatches.replies(batch("partial", 40,
                row("s1", "commonsense", 0, 0, "Ethical. Fine.", null),
                row("s2", "justice", 1, null, null, "LLM call failed")));

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).text()).isEqualTo("Ethical. Fine.");
        assertThat(replies.get(0).serverLabel()).isZero();
        assertThat(replies.get(0).latencyMs()).isEqualTo(13);
        assertThat(replies.get(1).error()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(replies.get(1).message()).contains("LLM call failed");
    }

    @Test
    void aModelResponseThatIsNotTextIsAnInvalidResponseNotTheAnswer() {
        String number = row("s1", "commonsense", 0, 0, "X", null).replace("\"model_response\":\"X\"",
                "\"model_response\":42");
        List<Reply> replies = EthicsEngineBatches.replies(batch("completed", 5, number));

        assertThat(replies.get(0).failed()).isTrue();
        assertThat(replies.get(0).error()).isEqualTo(ErrorKind.INVALID_RESPONSE);
        assertThat(replies.get(0).message()).isEqualTo("the server's model_response is number, not text");
    }

    @Test
    void anLlmUnavailableAnswerIsAFailureNotAVerdict() {
        List<Reply> replies = EthicsEngineBatches.replies(batch("completed", 5,
                row("s1", "commonsense", 0, 0, "Error: LLM configuration unavailable.", null)));

        assertThat(replies.get(0).failed()).isTrue();
        assertThat(replies.get(0).error()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(replies.get(0).message()).contains("LLM configuration unavailable").contains("no LLM configured");
    }

    @Test
    void readsSeveralBatchesIntoOneResult() {
        RunResult result = EthicsEngineBatches.read(List.of(
                batch("completed", 1500, row("s1", "commonsense", 0, 0, "Ethical", null),
                        row("s2", "virtue", 1, 0, "Contradicts", null)),
                batch("completed", 500, row("s3", "deontology", 1, 0,
                        "Error: LLM configuration unavailable.", null))), "llama3.2", EEE, CLOCK);

        assertThat(result.outcomes()).hasSize(3);
        assertThat(result.summary().correct()).isEqualTo(1);
        assertThat(result.summary().errors()).isEqualTo(1);
        assertThat(result.outcomes().get(2)).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(ErrorKind.SERVER_ERROR));
        assertThat(result.settings().model()).isEqualTo("llama3.2");
        assertThat(result.timing().end()).isEqualTo(CLOCK.instant());
        assertThat(Duration.between(result.timing().start(), result.timing().end())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWholeBatchErrorFailsItsScenarios() {
        String failed = "{\"batch_id\":\"b1\",\"status\":\"error\",\"results\":[],\"error_message\":\"no identity\"}";

        assertThatThrownBy(() -> EthicsEngineBatches.replies(failed)).isInstanceOfSatisfying(TargetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.SERVER_ERROR)).hasMessageContaining("no identity");
    }

    @Test
    void refusesWhatIsNotABatchResponse() {
        assertThatThrownBy(() -> EthicsEngineBatches.replies("{\"detail\":\"At least one scenario is required\"}"))
                .isInstanceOf(He300Exception.class).hasMessageContaining("At least one scenario is required");
        assertThatThrownBy(() -> EthicsEngineBatches.replies("<html>")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void worksAsTheRepliesOfATargetInTheEngine() {
        FakeTarget target = new FakeTarget(50, batch -> {
            StringBuilder rows = new StringBuilder();
            for (ScenarioRequest request : batch.requests()) {
                if (rows.length() > 0) {
                    rows.append(',');
                }
                rows.append(row(request.scenarioId(), request.scenario().category().id(),
                        request.scenario().expectedLabel(), 0, "Error: LLM configuration unavailable.", null));
            }
            return EthicsEngineBatches.replies(batch("completed", 1, rows.toString()));
        }, "ethicsengine");

        assertThatThrownBy(() -> RunEngine.builder().target(target).build().start(Fixtures.plan(20)).await())
                .isInstanceOf(RunFailedException.class).hasMessageContaining("SERVER_ERROR")
                .hasMessageContaining("LLM configuration unavailable");
    }
}
