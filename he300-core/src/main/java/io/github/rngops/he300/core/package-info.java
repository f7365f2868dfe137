/**
 * The HE-300 protocol: {@link io.github.rngops.he300.core.Category categories} and
 * {@link io.github.rngops.he300.core.Scenario scenarios}; the dataset, sampler, prompts, answer parser and scoring
 * live in the sub-packages named for them.
 */
package io.github.rngops.he300.core;
