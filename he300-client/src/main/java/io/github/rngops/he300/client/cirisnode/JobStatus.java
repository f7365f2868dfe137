package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code GET /api/v1/benchmarks/status/{id}} answers.
 *
 * @param jobId      the job
 * @param status     its state
 * @param createdAt  when the node created it, ISO 8601
 * @param eeeEnabled whether the job goes to an EthicsEngine (then, on today's node, it never leaves pending)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobStatus(String jobId, JobState status, String createdAt, boolean eeeEnabled) {
}
