/**
 * The run engine. {@link io.github.rngops.he300.core.run.RunEngine} runs a
 * {@link io.github.rngops.he300.core.run.RunPlan} against a {@link io.github.rngops.he300.core.run.Target} (the
 * evaluation SPI), journals each outcome, resumes, stops and fails fast, and makes a
 * {@link io.github.rngops.he300.core.run.RunResult}, which {@link io.github.rngops.he300.core.run.RunResultJson}
 * reads and writes. {@link io.github.rngops.he300.core.run.CirisNodeResults} and
 * {@link io.github.rngops.he300.core.run.EthicsEngineBatches} convert those servers' shapes. No network code: targets
 * live in he300-client.
 */
package io.github.rngops.he300.core.run;
