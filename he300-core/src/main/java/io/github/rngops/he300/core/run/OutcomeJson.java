package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.rngops.he300.core.Outcome;
import java.io.IOException;

/**
 * An {@link Outcome} as journal lines and results hold it, written field by field: the format {@code Outcome}'s
 * annotations define, to the byte ({@code OutcomeJsonTest} holds the two together), without the mapper building and
 * walking a bean serializer for each of a run's lines. A command that runs once pays that reflection cold, on the
 * path of every answer.
 */
final class OutcomeJson extends StdSerializer<Outcome> {

    static final OutcomeJson INSTANCE = new OutcomeJson();

    private OutcomeJson() {
        super(Outcome.class);
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

    @Override
    public void serialize(Outcome outcome, JsonGenerator out, SerializerProvider provider) throws IOException {
        write(outcome, out);
    }

    /** The type id is part of what {@link #write} writes, so the mapper's type serializer has nothing to add. */
    @Override
    public void serializeWithType(Outcome outcome, JsonGenerator out, SerializerProvider provider,
            TypeSerializer typeSerializer) throws IOException {
        write(outcome, out);
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
