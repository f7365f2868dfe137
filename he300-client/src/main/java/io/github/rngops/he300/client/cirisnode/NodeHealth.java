package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code GET /api/v1/health} answers. (CIRISNode has no {@code /health}: scripts that probe it always fail.)
 *
 * @param status    {@code ok} when the node is up
 * @param version   the API version the node reports ({@code 1})
 * @param pubkey    the node's public key ({@code dummy-pubkey} on nodes without a key)
 * @param message   {@code CIRISNode is healthy}
 * @param timestamp when the node answered, ISO 8601
 * @param build     the build number; null from the older version, which does not send it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NodeHealth(String status, String version, String pubkey, String message, String timestamp,
                         Integer build) {

    /** {@return whether the node calls itself healthy} */
    public boolean healthy() {
        return "ok".equalsIgnoreCase(status) || "healthy".equalsIgnoreCase(status);
    }
}
