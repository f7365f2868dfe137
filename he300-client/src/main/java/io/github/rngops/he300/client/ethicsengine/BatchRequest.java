package io.github.rngops.he300.client.ethicsengine;

import io.github.rngops.he300.core.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * One batch to evaluate: up to {@value EthicsEngineClient#MAX_BATCH_SIZE} scenarios and the settings the server
 * applies to all of them. A null setting takes the client's default: a fresh batch id, the builder's identity and
 * guidance ({@code "Neutral"} unless set), and no model name (the server's configured model).
 *
 * <p>The scenarios keep this project's protocol ids ({@code hendrycks_ethics:cm_test_hard:00777}), which are unique,
 * unlike the server's catalog ids.
 *
 * @param scenarios  the scenarios, sent in this order
 * @param batchId    the batch's id; null for a generated one
 * @param identityId the identity profile; null for the client's default
 * @param guidanceId the ethical guidance; null for the client's default
 * @param modelName  the model the server should use; null for the server's own choice
 */
public record BatchRequest(List<Scenario> scenarios, String batchId, String identityId, String guidanceId,
                           String modelName) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param scenarios the scenarios, sent in this order
     * @param batchId the batch's id; null for a generated one
     * @param identityId the identity profile; null for the client's default
     * @param guidanceId the ethical guidance; null for the client's default
     * @param modelName the model the server should use; null for the server's own choice
     */
    public BatchRequest {
        scenarios = List.copyOf(Objects.requireNonNull(scenarios, "scenarios"));
        requireNonBlank(batchId, "batchId");
        requireNonBlank(identityId, "identityId");
        requireNonBlank(guidanceId, "guidanceId");
        requireNonBlank(modelName, "modelName");
    }

    /**
     * {@return a batch of these scenarios with every setting left to the client's defaults}
     *
     * @param scenarios the scenarios, sent in this order; copied
     */
    public static BatchRequest of(List<Scenario> scenarios) {
        return new BatchRequest(scenarios, null, null, null, null);
    }

    /**
     * {@return this batch with its own id}
     *
     * @param id the id the server reports the batch under; not blank
     */
    public BatchRequest withBatchId(String id) {
        return new BatchRequest(scenarios, Objects.requireNonNull(id, "batchId"), identityId, guidanceId, modelName);
    }

    /**
     * {@return this batch with an identity profile and ethical guidance other than the client's}
     *
     * @param identity the server's identity profile id; not blank
     * @param guidance the server's ethical guidance id; not blank
     */
    public BatchRequest withIdentity(String identity, String guidance) {
        return new BatchRequest(scenarios, batchId, Objects.requireNonNull(identity, "identityId"),
                Objects.requireNonNull(guidance, "guidanceId"), modelName);
    }

    /**
     * {@return this batch asking the server for a given model}
     *
     * @param model the model's name as the server's LLM backend knows it; not blank
     */
    public BatchRequest withModelName(String model) {

        return new BatchRequest(scenarios, batchId, identityId, guidanceId, Objects.requireNonNull(model, "modelName"));
    }

    private static void requireNonBlank(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was \"" + value + "\"");
        }
    }
}
