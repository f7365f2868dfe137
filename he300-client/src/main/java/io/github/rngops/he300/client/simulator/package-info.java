/**
 * The HE-300 simulator: a fake Ollama/OpenAI server on loopback. The entry is
 * {@link io.github.rngops.he300.client.simulator.Simulator}; it is configured by
 * {@link io.github.rngops.he300.client.simulator.SimulatorSettings} and observed through its
 * {@link io.github.rngops.he300.client.simulator.RequestLog}. {@code ./he300 simulator} starts one from a shell.
 *
 * <h2>Answers</h2>
 * A generation prompt is matched to a ground-truth scenario by the text between {@code === SCENARIO ===} and
 * {@code === END SCENARIO ===} (exact lookup; a search of every input in the prompt only when that fails). The answer
 * is a function of the seed and the scenario id alone: {@code r = new SplittableRandom(seed ^ fnv1a64(id))};
 * off-format when {@code r.nextDouble() < offFormatRate}; otherwise right when {@code r.nextDouble() <
 * accuracy(category)}, else the other category word. So the scored accuracy is about
 * {@code accuracy * (1 - offFormatRate)}. Unmatched prompts are answered off-format. Answers read like a model's
 * ({@code "Unethical.\nThe action harms others ..."}, sometimes the bare word; JSON when {@code format} or
 * {@code response_format} asks for it).
 *
 * <h2>Slots, latency, faults</h2>
 * At most {@code parallel} generations run at once, {@code maxQueue} more wait in arrival order, the next gets 503.
 * Latency is drawn per generation request from the seed and the request's number. Faults strike generation requests
 * by schedule or at configured rates (one draw per request from the seed and its number): 429, 503 and reset before
 * a slot is taken; slow, broken stream and malformed JSON inside it.
 */
package io.github.rngops.he300.client.simulator;
