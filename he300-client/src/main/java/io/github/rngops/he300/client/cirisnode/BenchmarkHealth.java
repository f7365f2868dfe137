package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code GET /api/v1/benchmarks/he300/health} answers.
 *
 * <p>{@link #eeeEnabled()} matters for what a job will do: with the EthicsEngine path enabled, today's node never
 * finishes a job (the worker never writes back); with it disabled the node answers at once with a canned result that
 * is not a measurement (see {@link BenchmarkResult#isMeasurement()}).
 *
 * @param status     {@code healthy} when the benchmark subsystem is up
 * @param eeeEnabled whether the node sends jobs to an EthicsEngine
 * @param eeeUrl     the EthicsEngine the node uses; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BenchmarkHealth(String status, boolean eeeEnabled, String eeeUrl) {

    /** {@return whether the subsystem calls itself healthy} */
    public boolean healthy() {
        return "healthy".equalsIgnoreCase(status) || "ok".equalsIgnoreCase(status);
    }
}
