/**
 * A typed client for OpenAI-compatible chat servers (vLLM, llama.cpp server, LM Studio, Ollama's {@code /v1},
 * hosted APIs): {@link io.github.rngops.he300.client.openai.OpenAiClient}. Non-null unless a Javadoc says otherwise.
 */
package io.github.rngops.he300.client.openai;
