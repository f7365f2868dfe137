/**
 * The HE-300 protocol: {@link io.github.rngops.he300.core.Category categories},
 * {@link io.github.rngops.he300.core.Scenario scenarios} and how a scenario of a run ended, its
 * {@link io.github.rngops.he300.core.Outcome outcome} (with an {@link io.github.rngops.he300.core.ErrorKind} when it
 * failed). The dataset, sampler, prompts, answer parser, scoring ({@code score}) and the run engine ({@code run}) live
 * in the sub-packages named for them.
 */
package io.github.rngops.he300.core;
