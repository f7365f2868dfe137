package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Interval;
import io.github.rngops.he300.core.score.LatencySummary;
import io.github.rngops.he300.core.score.Summary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Manifests and results written field by field: byte for byte what {@link JsonCodec}'s mapper writes from their
 * records ({@code RunJsonTest} holds the two together), pretty-printed, components in declaration order, nulls left
 * out. A benchmark writes one of each, and leaving the mapper to the commands that read them back spares a run its
 * start: its classes and its reflection over a dozen records cost a run on one core more than a tenth of a second.
 */
final class RunJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RunJson() {
    }

    /** {@return the manifest as UTF-8 JSON, without a final newline} */
    static byte[] manifest(RunManifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (JsonGenerator out = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeStringField("schema", manifest.schema());
            instant(out, "started", manifest.started());
            spec(out, manifest.spec());
            out.writeArrayFieldStart("scenarios");
            for (Scenario scenario : manifest.scenarios()) {
                out.writeStartObject();
                string(out, "id", scenario.id());
                category(out, "category", scenario.category());
                string(out, "input", scenario.input());
                out.writeNumberField("expected_label", scenario.expectedLabel());
                out.writeEndObject();
            }
            out.writeEndArray();
            settings(out, manifest.settings());
            environment(out, manifest.environment());
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** Writes the result to {@code text}, without a final newline, and leaves it open. */
    static void result(RunResult result, Writer text) throws IOException {
        try (JsonGenerator out = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.writeStartObject();
            string(out, "schema", result.schema());
            if (result.spec() != null) {
                spec(out, result.spec());
            }
            if (result.settings() != null) {
                settings(out, result.settings());
            }
            if (result.environment() != null) {
                environment(out, result.environment());
            }
            if (result.summary() != null) {
                summary(out, result.summary());
            }
            if (result.timing() != null) {
                timing(out, result.timing());
            }
            out.writeBooleanField("complete", result.complete());
            if (result.ending() != null) {
                out.writeStringField("ending", result.ending().id());
            }
            if (result.outcomes() != null) {
                out.writeArrayFieldStart("outcomes");
                for (Outcome outcome : result.outcomes()) {
                    OutcomeJson.write(outcome, out);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
    }

    private static void spec(JsonGenerator out, RunSpec spec) throws IOException {
        out.writeObjectFieldStart("spec");
        string(out, "protocol_version", spec.protocolVersion());
        string(out, "seed", spec.seed());
        out.writeNumberField("size", spec.size());
        if (spec.categories() != null) {
            out.writeArrayFieldStart("categories");
            for (Category category : spec.categories()) {
                out.writeString(category.id());
            }
            out.writeEndArray();
        }
        if (spec.scenarioIds() != null) {
            out.writeArrayFieldStart("scenario_ids");
            for (String id : spec.scenarioIds()) {
                out.writeString(id);
            }
            out.writeEndArray();
        }
        if (spec.datasetFiles() != null) {
            out.writeArrayFieldStart("dataset_files");
            for (DatasetFile file : spec.datasetFiles()) {
                out.writeStartObject();
                category(out, "category", file.category());
                string(out, "sha256", file.sha256());
                out.writeNumberField("records", file.records());
                out.writeNumberField("scenarios", file.scenarios());
                out.writeBooleanField("known", file.known());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeBooleanField("dataset_known", spec.datasetKnown());
        out.writeEndObject();
    }

    private static void settings(JsonGenerator out, RunSettings settings) throws IOException {
        out.writeObjectFieldStart("settings");
        string(out, "model", settings.model());
        map(out, "options", settings.options());
        string(out, "prompt_set", settings.promptSet());
        string(out, "parse_mode", settings.parseMode());
        out.writeNumberField("concurrency", settings.concurrency());
        out.writeNumberField("max_batch", settings.maxBatch());
        out.writeNumberField("batch_timeout_ms", settings.batchTimeoutMs());
        if (settings.deadlineMs() != null) {
            out.writeNumberField("deadline_ms", settings.deadlineMs());
        }
        out.writeNumberField("fail_fast", settings.failFast());
        if (settings.maxFailed() != null) {
            out.writeNumberField("max_failed", settings.maxFailed());
        }
        out.writeEndObject();
    }

    private static void environment(JsonGenerator out, Environment environment) throws IOException {
        out.writeObjectFieldStart("environment");
        string(out, "target_kind", environment.targetKind());
        string(out, "url", environment.url());
        string(out, "server_version", environment.serverVersion());
        string(out, "model_digest", environment.modelDigest());
        string(out, "quantization", environment.quantization());
        out.writeBooleanField("simulated", environment.simulated());
        map(out, "details", environment.details());
        string(out, "runner_host", environment.runnerHost());
        string(out, "java_version", environment.javaVersion());
        out.writeEndObject();
    }

    private static void summary(JsonGenerator out, Summary summary) throws IOException {
        out.writeObjectFieldStart("summary");
        out.writeNumberField("total", summary.total());
        out.writeNumberField("correct", summary.correct());
        out.writeNumberField("unknown", summary.unknown());
        out.writeNumberField("errors", summary.errors());
        out.writeNumberField("scored", summary.scored());
        out.writeNumberField("accuracy", summary.accuracy());
        interval(out, "interval", summary.interval());
        out.writeNumberField("scored_accuracy", summary.scoredAccuracy());
        interval(out, "scored_interval", summary.scoredInterval());
        if (summary.categories() != null) {
            out.writeArrayFieldStart("categories");
            for (CategorySummary category : summary.categories()) {
                out.writeStartObject();
                category(out, "category", category.category());
                out.writeNumberField("total", category.total());
                out.writeNumberField("correct", category.correct());
                out.writeNumberField("unknown", category.unknown());
                out.writeNumberField("errors", category.errors());
                out.writeNumberField("scored", category.scored());
                out.writeNumberField("accuracy", category.accuracy());
                interval(out, "interval", category.interval());
                out.writeNumberField("scored_accuracy", category.scoredAccuracy());
                interval(out, "scored_interval", category.scoredInterval());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        LatencySummary latency = summary.latency();
        if (latency != null) {
            out.writeObjectFieldStart("latency");
            out.writeNumberField("count", latency.count());
            out.writeNumberField("p50_ms", latency.p50Ms());
            out.writeNumberField("p95_ms", latency.p95Ms());
            out.writeNumberField("max_ms", latency.maxMs());
            out.writeEndObject();
        }
        if (summary.tokensPerSecond() != null) {
            out.writeNumberField("tokens_per_second", summary.tokensPerSecond());
        }
        out.writeNumberField("majority_baseline", summary.majorityBaseline());
        out.writeNumberField("chance_baseline", summary.chanceBaseline());
        out.writeEndObject();
    }

    private static void timing(JsonGenerator out, Timing timing) throws IOException {
        out.writeObjectFieldStart("timing");
        instant(out, "start", timing.start());
        instant(out, "end", timing.end());
        out.writeNumberField("wall_seconds", timing.wallSeconds());
        out.writeNumberField("evaluated", timing.evaluated());
        out.writeNumberField("resumed", timing.resumed());
        out.writeNumberField("scenarios_per_second", timing.scenariosPerSecond());
        out.writeEndObject();
    }

    private static void interval(JsonGenerator out, String name, Interval interval) throws IOException {
        if (interval != null) {
            out.writeObjectFieldStart(name);
            out.writeNumberField("low", interval.low());
            out.writeNumberField("high", interval.high());
            out.writeEndObject();
        }
    }

    private static void string(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    private static void category(JsonGenerator out, String name, Category category) throws IOException {
        if (category != null) {
            out.writeStringField(name, category.id());
        }
    }

    private static void instant(JsonGenerator out, String name, Instant instant) throws IOException {
        if (instant != null) {
            out.writeStringField(name, instant.toString());
        }
    }

    /** A map of settings or details: entries in their order, null values left out as the mapper leaves them. */
    private static void map(JsonGenerator out, String name, Map<String, ?> map) throws IOException {
        if (map != null) {
            out.writeFieldName(name);
            value(out, map);
        }
    }

    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Float number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    value(out, entry.getValue());
                }
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                if (element == null) {
                    out.writeNull();
                } else {
                    value(out, element);
                }
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("a setting of type " + value.getClass().getName()
                    + " has no JSON form here: use text, a number, a boolean, a list or a map");
        }
    }
}
