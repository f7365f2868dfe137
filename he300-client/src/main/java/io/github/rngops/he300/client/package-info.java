/**
 * Typed clients for the servers an HE-300 run talks to (Ollama, OpenAI-compatible, EthicsEngine, CIRISNode), one
 * entry type each, and the simulator that speaks the Ollama and OpenAI APIs on loopback.
 */
package io.github.rngops.he300.client;
