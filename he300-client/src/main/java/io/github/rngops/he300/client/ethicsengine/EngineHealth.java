package io.github.rngops.he300.client.ethicsengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code GET /health} answers: {@code {"status":"healthy","version":"0.1.0"}}.
 *
 * @param status  {@code healthy} when the server is up
 * @param version the server's version string; may be null if a build leaves it out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EngineHealth(String status, String version) {

    /** {@return whether the server calls itself healthy} */
    public boolean healthy() {
        return "healthy".equalsIgnoreCase(status);
    }
}
