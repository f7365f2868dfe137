/**
 * Prompts (PROTOCOL.md section 3): a {@link io.github.rngops.he300.core.prompt.PromptSet} renders a
 * {@link io.github.rngops.he300.core.prompt.Prompt} for each scenario.
 */
package io.github.rngops.he300.core.prompt;
