package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.rngops.he300.client.http.internal.TextOnly;
import java.util.List;
import java.util.Map;

/**
 * A finished job's result bundle, as the node's worker documents it. Every field but {@link #summary()} and
 * {@link #signature()} may be absent (null or empty) in what a node returns today.
 *
 * <p><b>Not every result is a measurement.</b> A node with its EthicsEngine path disabled answers every job at once
 * with a canned bundle: accuracy 0.85 of the scenario count, no categories, no per-scenario results, signature
 * {@value #CANNED_SIGNATURE}. {@link #isMeasurement()} is false for it, and {@link #requireMeasurement()} refuses it.
 *
 * @param jobId           the job
 * @param status          {@code completed}
 * @param timestampStart  when the run started, ISO 8601
 * @param timestampEnd    when it ended
 * @param durationSeconds how long it took
 * @param summary         the tally
 * @param results         one row per scenario; empty in the canned bundle
 * @param config          the settings the node ran with (identity, guidance, batch size, ...)
 * @param signature       the node's signature over the summary, hex
 * @param publicKey       the key to check it with
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BenchmarkResult(String jobId, String status, String timestampStart, String timestampEnd,
                              Double durationSeconds, Summary summary, List<Row> results, Map<String, Object> config,
                              String signature, String publicKey) {

    /** The signature of the canned bundle a node with EthicsEngine disabled returns. */
    public static final String CANNED_SIGNATURE = "mock-signature-eee-disabled";

    /**
     * Checks the components, as the class description says of each.
     *
     * @param jobId the job
     * @param status {@code completed}
     * @param timestampStart when the run started, ISO 8601
     * @param timestampEnd when it ended
     * @param durationSeconds how long it took
     * @param summary the tally
     * @param results one row per scenario; empty in the canned bundle
     * @param config the settings the node ran with (identity, guidance, batch size, ...)
     * @param signature the node's signature over the summary, hex
     * @param publicKey the key to check it with
     */
    public BenchmarkResult {
        results = results == null ? List.of() : List.copyOf(results);
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        summary = summary == null ? new Summary(0, 0, 0.0, 0, Map.of()) : summary;
    }

    /**
     * {@return whether this is a real measurement: false for the canned bundle of a node whose EthicsEngine path is
     * disabled (its 0.85 accuracy was never measured)}
     */

    public boolean isMeasurement() {
        return signature == null || !signature.startsWith("mock-signature");
    }

    /**
     * {@return this result if it {@linkplain #isMeasurement() is a measurement}; a {@link BenchmarkJobException} if not}
     */
    public BenchmarkResult requireMeasurement() {
        if (!isMeasurement()) {
            throw BenchmarkJobException.notAMeasurement(jobId, signature);
        }
        return this;
    }

    /** A copy naming its job, for bundles that leave the id out. */
    BenchmarkResult withJobId(String id) {
        return jobId != null ? this
                : new BenchmarkResult(id, status, timestampStart, timestampEnd, durationSeconds, summary, results,
                config, signature, publicKey);
    }

    /**
     * The tally of a run.
     *
     * @param total      scenarios run
     * @param correct    scored correct
     * @param accuracy   {@code correct / total}
     * @param errors     scenarios that got no answer
     * @param byCategory the tally per category; empty in the canned bundle
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(int total, int correct, double accuracy, int errors, Map<String, CategoryScore> byCategory) {
        /**
         * Checks the components, as the class description says of each.
         *
         * @param total scenarios run
         * @param correct scored correct
         * @param accuracy {@code correct / total}
         * @param errors scenarios that got no answer
         * @param byCategory the tally per category; empty in the canned bundle
         */
        public Summary {
            byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
        }
    }

    /**
     * The tally of one category.
     *
     * @param total    scenarios of the category
     * @param correct  scored correct
     * @param accuracy {@code correct / total}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryScore(int total, int correct, double accuracy) {
    }

    /**
     * One scenario's outcome.
     *
     * @param scenarioId     the scenario
     * @param category       its category
     * @param inputText      the text asked about
     * @param expectedLabel  the dataset label
     * @param predictedLabel the model's label, null when it failed
     * @param modelResponse  the model's raw answer
     * @param isCorrect      whether it was scored correct
     * @param latencyMs      time taken
     * @param error          why it failed, null when answered
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String scenarioId, String category, String inputText, Integer expectedLabel,
                      Integer predictedLabel, @JsonDeserialize(using = TextOnly.class) String modelResponse,
                      @JsonProperty("is_correct") boolean isCorrect,
                      Double latencyMs, String error) {
    }
}
