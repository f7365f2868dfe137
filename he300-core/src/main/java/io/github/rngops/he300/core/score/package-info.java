/**
 * Scoring, PROTOCOL.md section 5: {@link io.github.rngops.he300.core.score.Scoring} turns outcomes into a
 * {@link io.github.rngops.he300.core.score.Summary} with per-category figures, Wilson intervals, latency percentiles
 * and baselines.
 */
package io.github.rngops.he300.core.score;
