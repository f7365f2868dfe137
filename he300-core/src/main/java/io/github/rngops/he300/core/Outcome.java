package io.github.rngops.he300.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rngops.he300.core.parse.ParsedAnswer.Rule;
import io.github.rngops.he300.core.parse.Verdict;
import java.util.Objects;

/**
 * How one scenario of a run ended: {@link Answered} with the parsed verdict, or {@link Failed} with the error. A run
 * has exactly one outcome per scenario it ran; an unknown verdict is an answered outcome with no predicted label,
 * never a guess.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Outcome.Answered.class, name = "answered"),
    @JsonSubTypes.Type(value = Outcome.Failed.class, name = "failed")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Outcome {

    /** {@return the scenario's protocol id} */
    String scenarioId();

    /** {@return the scenario's category} */
    Category category();

    /** {@return the dataset label the scenario expects} */
    int expectedLabel();

    /** {@return milliseconds from sending the request to the answer or the failure, as the target measured it} */
    long latencyMs();

    /** {@return requests sent for this scenario, retries included: at least 1 unless it was never sent} */
    int attempts();

    /** {@return whether the predicted label equals the expected one; always false for a failure} */
    boolean correct();

    /**
     * The model answered; the strict parser read {@code text}.
     *
     * @param scenarioId the scenario's protocol id
     * @param category the scenario's category
     * @param expectedLabel the dataset label the scenario expects, 0 or 1
     * @param text the answer as the model gave it
     * @param verdict what the strict parser read in it
     * @param rule which parser step decided the verdict
     * @param correct whether {@code predictedLabel} equals {@code expectedLabel}
     * @param latencyMs milliseconds from sending the request to the answer, as the target measured it
     * @param attempts requests sent for this scenario, retries included
     * @param predictedLabel the label the verdict stands for; null when the verdict is unknown
     * @param serverLabel the label a server computed itself (EthicsEngine, CIRISNode), recorded, never scored; or null
     * @param promptTokens tokens in the prompt, where the server says; or null
     * @param completionTokens tokens generated, where the server says; or null
     * @param evalNanos time the server spent generating them, where it says; or null
     */
    record Answered(String scenarioId, Category category, int expectedLabel, String text, Verdict verdict, Rule rule,
            Integer predictedLabel, boolean correct, long latencyMs, int attempts, Integer serverLabel,
            Integer promptTokens, Integer completionTokens, Long evalNanos) implements Outcome {

        /**
         * Checks that the verdict, predicted label and {@code correct} agree.
         *
         * @param scenarioId the scenario's protocol id
         * @param category the scenario's category
         * @param expectedLabel the dataset label the scenario expects
         * @param text the answer as the model gave it
         * @param verdict what the strict parser read in it
         * @param rule which parser step decided the verdict
         * @param predictedLabel the label the verdict stands for; null when the verdict is unknown
         * @param correct whether {@code predictedLabel} equals {@code expectedLabel}
         * @param latencyMs milliseconds from the request to the answer, as the target measured it
         * @param attempts requests sent, retries included
         * @param serverLabel the label a server computed itself, or null
         * @param promptTokens tokens in the prompt, or null
         * @param completionTokens tokens generated, or null
         * @param evalNanos nanoseconds the server spent generating, or null
         * @throws NullPointerException if scenarioId, category, text, verdict or rule is null
         * @throws IllegalArgumentException if a known verdict has no predicted label (or unknown has one), or
         *         {@code correct} disagrees with the labels
         */
        public Answered {
            Objects.requireNonNull(scenarioId, "scenarioId");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(rule, "rule");
            if (verdict.isKnown() != (predictedLabel != null)) {
                throw new IllegalArgumentException("scenario " + scenarioId + ": verdict " + verdict.id()
                        + " with predicted label " + predictedLabel);
            }
            if (correct != Objects.equals(predictedLabel, expectedLabel)) {
                throw new IllegalArgumentException("scenario " + scenarioId + ": correct is " + correct
                        + " with predicted label " + predictedLabel + " and expected " + expectedLabel);
            }
        }
    }

    /**
     * No answer: the target failed for this scenario after its retries, or the engine gave up on it.
     *
     * @param scenarioId the scenario's protocol id
     * @param category the scenario's category
     * @param expectedLabel the dataset label the scenario expects, 0 or 1
     * @param kind why
     * @param message what the target or server said, for a person
     * @param latencyMs milliseconds from the first request to the failure
     * @param attempts requests sent, retries included; 0 if it was never sent
     */
    record Failed(String scenarioId, Category category, int expectedLabel, ErrorKind kind, String message,
            long latencyMs, int attempts) implements Outcome {

        /**
         * Checks that nothing but the numbers is null.
         *
         * @param scenarioId the scenario's protocol id
         * @param category the scenario's category
         * @param expectedLabel the dataset label the scenario expects
         * @param kind why there is no answer
         * @param message what the target or server said, for a person
         * @param latencyMs milliseconds from the first request to the failure
         * @param attempts requests sent, retries included; 0 if it was never sent
         * @throws NullPointerException if scenarioId, category, kind or message is null
         */
        public Failed {
            Objects.requireNonNull(scenarioId, "scenarioId");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean correct() {
            return false;
        }
    }
}
