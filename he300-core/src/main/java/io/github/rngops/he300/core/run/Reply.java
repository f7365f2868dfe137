package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.ErrorKind;
import java.util.Objects;

/**
 * A target's answer for one scenario, before parsing: the model's text, or a failure. Build one with
 * {@link #answer} or {@link #failure}, adding token counts with {@link #withTokens}.
 *
 * @param scenarioId the scenario it answers
 * @param text the model's answer; null for a failure
 * @param error why there is no answer; null for an answer
 * @param message what went wrong, for a person; null for an answer
 * @param latencyMs milliseconds from sending to answer or failure
 * @param attempts requests sent, retries included
 * @param serverLabel a label the server computed itself, recorded but never scored; or null
 * @param promptTokens prompt tokens where the server says; or null
 * @param completionTokens generated tokens where the server says; or null
 * @param evalNanos generation time where the server says; or null
 */
public record Reply(String scenarioId, String text, ErrorKind error, String message, long latencyMs, int attempts,
        Integer serverLabel, Integer promptTokens, Integer completionTokens, Long evalNanos) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param scenarioId the scenario it answers
     * @param text the model's answer; null for a failure
     * @param error why there is no answer; null for an answer
     * @param message what went wrong, for a person; null for an answer
     * @param latencyMs milliseconds from sending to answer or failure
     * @param attempts requests sent, retries included
     * @param serverLabel a label the server computed itself, recorded but never scored; or null
     * @param promptTokens prompt tokens where the server says; or null
     * @param completionTokens generated tokens where the server says; or null
     * @param evalNanos generation time where the server says; or null
     */
    public Reply {
        Objects.requireNonNull(scenarioId, "scenarioId");
        if ((text == null) == (error == null)) {
            throw new IllegalArgumentException("reply for " + scenarioId + " needs exactly one of text and error");
        }
        if (error != null) {
            Objects.requireNonNull(message, "message");
        }
        if (latencyMs < 0 || attempts < 0) {
            throw new IllegalArgumentException("reply for " + scenarioId + ": latency " + latencyMs + ", attempts "
                    + attempts);
        }
    }

    /**
     * {@return a reply saying the model answered {@code text} after one attempt}
     *
     * @param scenarioId the scenario's protocol id, as in the batch
     * @param text the answer as the model gave it; not null
     * @param latencyMs milliseconds from sending the request to the answer; not negative
     */
    public static Reply answer(String scenarioId, String text, long latencyMs) {
        return new Reply(scenarioId, Objects.requireNonNull(text, "text"), null, null, latencyMs, 1, null, null, null,
                null);
    }

    /**
     * {@return a reply saying there is no answer for the scenario, after one attempt}
     *
     * @param scenarioId the scenario's protocol id, as in the batch
     * @param error why; not null
     * @param message what the target or server said, for a person; not null
     * @param latencyMs milliseconds from sending the request to the failure; not negative
     */
    public static Reply failure(String scenarioId, ErrorKind error, String message, long latencyMs) {
        return new Reply(scenarioId, null, Objects.requireNonNull(error, "error"), message, latencyMs, 1, null, null,
                null, null);
    }

    /**
     * {@return this reply with the token counts and generation time the server reported}
     *
     * @param promptTokens tokens in the prompt, or null
     * @param completionTokens tokens generated, or null
     * @param evalNanos nanoseconds spent generating them, or null
     */
    public Reply withTokens(Integer promptTokens, Integer completionTokens, Long evalNanos) {
        return new Reply(scenarioId, text, error, message, latencyMs, attempts, serverLabel, promptTokens,
                completionTokens, evalNanos);
    }

    /**
     * {@return this reply after {@code attempts} requests}
     *
     * @param attempts requests sent for the scenario, retries included; not negative
     */
    public Reply withAttempts(int attempts) {
        return new Reply(scenarioId, text, error, message, latencyMs, attempts, serverLabel, promptTokens,
                completionTokens, evalNanos);
    }

    /**
     * {@return this reply with the label the server computed itself, kept for the record and never scored}
     *
     * @param serverLabel the server's label, or null
     */
    public Reply withServerLabel(Integer serverLabel) {
        return new Reply(scenarioId, text, error, message, latencyMs, attempts, serverLabel, promptTokens,
                completionTokens, evalNanos);
    }

    /** {@return whether this is a failure} */
    public boolean failed() {
        return error != null;
    }
}
