package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.score.Scoring;
import io.github.rngops.he300.core.score.Summary;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of a run, schema {@value #SCHEMA}: what was run, what was sent, where, the figures, the timing and one
 * outcome per scenario that ran, in sample order. Immutable; written and read by {@link RunResultJson}, documented in
 * {@code docs/RESULT-SCHEMA.md}.
 *
 * @param schema always {@value #SCHEMA}
 * @param spec what was run
 * @param settings what was sent and how it was scheduled
 * @param environment the target and the runner
 * @param summary the figures, overall and per category
 * @param timing when the run started and ended
 * @param complete true when every scenario of the spec has an outcome
 * @param ending how the run ended
 * @param outcomes one per scenario that ran, in sample order
 */
public record RunResult(String schema, RunSpec spec, RunSettings settings, Environment environment,
        Summary summary, Timing timing, boolean complete, Ending ending, List<Outcome> outcomes) {

    /** The schema this version writes and reads. */
    public static final String SCHEMA = "he300.result/1";

    /**
     * Checks that the outcomes belong to the spec, once each, and that {@code complete} agrees with them.
     *
     * @param schema always {@value #SCHEMA}
     * @param spec what was run
     * @param settings what was sent and how it was scheduled
     * @param environment the target and the runner
     * @param summary the figures, overall and per category
     * @param timing when the run started and ended
     * @param complete true when every scenario of the spec has an outcome
     * @param ending how the run ended
     * @param outcomes one per scenario that ran, in sample order
     * @throws IllegalArgumentException if the schema is another, an outcome is not in the spec or appears twice, or
     *     {@code complete} is wrong
     */
    public RunResult {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + SCHEMA + ", was " + schema);
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(ending, "ending");
        outcomes = List.copyOf(outcomes);
        Set<String> ids = new HashSet<>(spec.scenarioIds());
        Set<String> seen = new HashSet<>();
        for (Outcome outcome : outcomes) {
            if (!ids.contains(outcome.scenarioId()) || !seen.add(outcome.scenarioId())) {
                throw new IllegalArgumentException("outcome for " + outcome.scenarioId()
                        + (ids.contains(outcome.scenarioId()) ? " appears twice" : " is not in the spec"));
            }
        }
        if (complete != (seen.size() == ids.size())) {
            throw new IllegalArgumentException("complete is " + complete + " with " + seen.size() + " outcomes for "
                    + ids.size() + " scenarios");
        }
    }

    /**
     * A result whose summary is computed from {@code outcomes} (given in any order, put in sample order) and
     * {@code sample} (for the baseline).
     */
    static RunResult of(RunSpec spec, List<Scenario> sample, RunSettings settings, Environment environment,
            Timing timing, Ending ending, java.util.Map<String, Outcome> outcomes) {
        List<Outcome> ordered = spec.scenarioIds().stream().filter(outcomes::containsKey).map(outcomes::get)
                .collect(java.util.stream.Collectors.toList());
        Summary summary = Scoring.summarize(sample, ordered);
        boolean complete = ordered.size() == spec.size();
        return new RunResult(SCHEMA, spec, settings, environment, summary, timing, complete, ending, ordered);
    }
}
