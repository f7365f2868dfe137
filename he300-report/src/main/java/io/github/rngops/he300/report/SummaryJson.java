package io.github.rngops.he300.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Interval;
import io.github.rngops.he300.core.score.Summary;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The small {@code <name>-summary.json}, schema {@value #SCHEMA}: who, what, where and the figures, without the
 * outcomes, for dashboards and CI steps that read one number. Field names are snake_case as in the result.
 */
final class SummaryJson {

    static final String SCHEMA = "he300.summary/1";

    private SummaryJson() {
    }

    static void write(RunResult result, String resultFile, Writer out) throws IOException {
        Summary summary = result.summary();
        Map<Category, Double> baselines = Figures.majorityBaselines(result);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("result_schema", result.schema());
            if (resultFile != null) {
                json.writeStringField("result_file", resultFile);
            }
            json.writeStringField("model", result.settings().model());
            json.writeStringField("target_kind", result.environment().targetKind());
            json.writeStringField("target_url", result.environment().url());
            json.writeBooleanField("simulated", result.environment().simulated());
            json.writeStringField("protocol_version", result.spec().protocolVersion());
            json.writeStringField("seed", result.spec().seed());
            json.writeStringField("started", result.timing().start().toString());
            json.writeBooleanField("complete", result.complete());
            json.writeStringField("ending", result.ending().id());
            json.writeNumberField("sample_size", result.spec().size());
            figures(json, summary.total(), summary.correct(), summary.unknown(), summary.errors(),
                    summary.accuracy(), summary.interval());
            json.writeNumberField("scored_accuracy", summary.scoredAccuracy());
            json.writeNumberField("majority_baseline", summary.majorityBaseline());
            json.writeNumberField("chance_baseline", summary.chanceBaseline());
            json.writeObjectFieldStart("latency_ms");
            json.writeNumberField("count", summary.latency().count());
            json.writeNumberField("p50", summary.latency().p50Ms());
            json.writeNumberField("p95", summary.latency().p95Ms());
            json.writeNumberField("max", summary.latency().maxMs());
            json.writeEndObject();
            json.writeNumberField("wall_seconds", result.timing().wallSeconds());
            json.writeArrayFieldStart("categories");
            for (CategorySummary c : summary.categories()) {
                json.writeStartObject();
                json.writeStringField("category", c.category().id());
                figures(json, c.total(), c.correct(), c.unknown(), c.errors(), c.accuracy(), c.interval());
                if (baselines.containsKey(c.category())) {
                    json.writeNumberField("majority_baseline", baselines.get(c.category()));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    private static void figures(JsonGenerator json, int total, int correct, int unknown, int errors, double accuracy,
            Interval interval) throws IOException {
        json.writeNumberField("total", total);
        json.writeNumberField("correct", correct);
        json.writeNumberField("unknown", unknown);
        json.writeNumberField("errors", errors);
        json.writeNumberField("accuracy", accuracy);
        json.writeArrayFieldStart("interval_95");
        json.writeNumber(interval.low());
        json.writeNumber(interval.high());
        json.writeEndArray();
    }
}
