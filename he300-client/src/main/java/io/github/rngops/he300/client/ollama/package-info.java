/**
 * A typed client for Ollama's native API: {@link io.github.rngops.he300.client.ollama.OllamaClient}. Sampling
 * settings always travel inside {@code "options"} ({@link io.github.rngops.he300.client.ollama.Options}), where
 * Ollama reads them; durations in answers are nanoseconds. Non-null unless a Javadoc says otherwise; fields the
 * server may leave out are nullable boxed values.
 */
package io.github.rngops.he300.client.ollama;
