package io.github.rngops.he300.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the run sent and how it was scheduled.
 *
 * @param model the model as the target names it
 * @param options every generation option sent, in order
 * @param promptSet the prompt set's id, e.g. {@code ciris-v1}; {@code server:<kind>} when a server built the prompts
 * @param parseMode the answer parser's mode, {@code strict}
 * @param concurrency batches in flight at most
 * @param maxBatch scenarios per batch at most
 * @param batchTimeoutMs how long the engine waited for one batch
 * @param deadlineMs the whole run's deadline, or null for none
 * @param failFast the fail-fast threshold, 0 when off
 * @param maxFailed the largest share of failed outcomes, in [0, 1], with which the run still counts as a success; null
 *     when the run was not judged by one (a result converted from a server's)
 */
public record RunSettings(String model, Map<String, Object> options, String promptSet, String parseMode,
        int concurrency, int maxBatch, long batchTimeoutMs, Long deadlineMs, int failFast, Double maxFailed) {

    /**
     * Checks the texts and the failed share.
     *
     * @param model the model as the target names it
     * @param options every generation option sent, in order
     * @param promptSet the prompt set's id
     * @param parseMode the answer parser's mode
     * @param concurrency batches in flight at most
     * @param maxBatch scenarios per batch at most
     * @param batchTimeoutMs how long the engine waited for one batch
     * @param deadlineMs the whole run's deadline, or null for none
     * @param failFast the fail-fast threshold, 0 when off
     * @param maxFailed the largest share of failed outcomes, in [0, 1], or null
     * @throws IllegalArgumentException if {@code maxFailed} is outside [0, 1]
     */
    public RunSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptSet, "promptSet");
        Objects.requireNonNull(parseMode, "parseMode");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (maxFailed != null && !(maxFailed >= 0 && maxFailed <= 1)) {
            throw new IllegalArgumentException("maxFailed must be in [0, 1], was " + maxFailed);
        }
    }

    /**
     * Settings without a failed-share limit ({@code maxFailed} null), as a server's converted result has.
     *
     * @param model the model as the target names it
     * @param options every generation option sent, in order
     * @param promptSet the prompt set's id
     * @param parseMode the answer parser's mode
     * @param concurrency batches in flight at most
     * @param maxBatch scenarios per batch at most
     * @param batchTimeoutMs how long the engine waited for one batch
     * @param deadlineMs the whole run's deadline, or null for none
     * @param failFast the fail-fast threshold, 0 when off
     */
    public RunSettings(String model, Map<String, Object> options, String promptSet, String parseMode,
            int concurrency, int maxBatch, long batchTimeoutMs, Long deadlineMs, int failFast) {
        this(model, options, promptSet, parseMode, concurrency, maxBatch, batchTimeoutMs, deadlineMs, failFast, null);
    }
}
