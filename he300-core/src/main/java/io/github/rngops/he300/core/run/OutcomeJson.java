package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rngops.he300.core.Outcome;
import java.io.IOException;

/**
 * An {@link Outcome} as journal lines and results hold it, written field by field: the format {@code Outcome}'s
 * annotations define, to the byte ({@code OutcomeJsonTest} holds the two together), without the mapper, which a
 * command that runs once would start and reflect with on the path of every answer.
 */
final class OutcomeJson {

    private OutcomeJson() {
    }

    /** Writes one outcome as a JSON object, its {@code status} first and absent values left out. */
    static void write(Outcome outcome, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (outcome instanceof Outcome.Answered answered) {
            out.writeStringField("status", "answered");
            writeScenario(outcome, out);
            out.writeStringField("text", answered.text());
            out.writeStringField("verdict", answered.verdict().id());
            out.writeStringField("rule", answered.rule().id());
            writeIfPresent("predicted_label", answered.predictedLabel(), out);
            out.writeBooleanField("correct", answered.correct());
            writeCost(outcome, out);
            writeIfPresent("server_label", answered.serverLabel(), out);
            writeIfPresent("prompt_tokens", answered.promptTokens(), out);
            writeIfPresent("completion_tokens", answered.completionTokens(), out);
            if (answered.evalNanos() != null) {
                out.writeNumberField("eval_nanos", answered.evalNanos());
            }
        } else {
            Outcome.Failed failed = (Outcome.Failed) outcome;
            out.writeStringField("status", "failed");
            writeScenario(outcome, out);
            out.writeStringField("kind", failed.kind().id());
            out.writeStringField("message", failed.message());
            writeCost(outcome, out);
        }
        out.writeEndObject();
    }

    private static void writeScenario(Outcome outcome, JsonGenerator out) throws IOException {
        out.writeStringField("scenario_id", outcome.scenarioId());
        out.writeStringField("category", outcome.category().id());
        out.writeNumberField("expected_label", outcome.expectedLabel());
    }

    private static void writeCost(Outcome outcome, JsonGenerator out) throws IOException {
        out.writeNumberField("latency_ms", outcome.latencyMs());
        out.writeNumberField("attempts", outcome.attempts());
    }

    private static void writeIfPresent(String name, Integer value, JsonGenerator out) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value);
        }
    }
}
