/**
 * The run engine's targets over HTTP: {@link io.github.rngops.he300.client.target.Targets#open} turns a
 * {@link io.github.rngops.he300.client.target.TargetConfig} (kind, URL, model, credentials, request timeout) into a
 * ready {@link io.github.rngops.he300.client.target.OpenTarget} for Ollama, an OpenAI-compatible server,
 * EthicsEngine, CIRISNode or the simulator. Client failures become the engine's error kinds (404 on a model →
 * {@code model_not_found}, 401/403 → {@code auth}, 429 → {@code rate_limited}, connect → {@code connection},
 * timeout → {@code timeout}).
 */
package io.github.rngops.he300.client.target;
