package io.github.rngops.he300.client.target;

import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.run.GenerationSettings;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the run engine's {@link io.github.rngops.he300.core.run.Target} for a server: Ollama, an OpenAI-compatible
 * server, EthicsEngine, CIRISNode, or the simulator.
 *
 * <pre>{@code
 * TargetConfig config = TargetConfig.builder(TargetKind.OLLAMA).model("llama3.2").build();
 * try (OpenTarget target = Targets.open(config, sample.scenarios())) {        // the model is checked here
 *     GenerationSettings generation = Targets.generation(TargetKind.OLLAMA, target.model(), 42, 256);
 *     RunResult result = RunEngine.builder().target(target).build()
 *             .start(RunPlan.of(sample, generation), runDir).await();
 * }
 * }</pre>
 *
 * <p>What each kind does:
 * <ul>
 *   <li>{@code ollama}: one scenario per {@code /api/generate} (or {@code /api/chat}); temperature, seed and
 *       {@code num_predict} inside {@code options}. The model is checked with {@code /api/show} before the run (a
 *       missing one is a {@link io.github.rngops.he300.core.He300Exception} listing what the server has); the result
 *       records the server version and the model's digest and quantization. Credentials: a bearer token
 *       ({@code token} or {@code apiKey}) for an Ollama behind a proxy.</li>
 *   <li>{@code openai}: one scenario per {@code /v1/chat/completions} with temperature, seed and
 *       {@code max_tokens}; the model is checked against {@code /v1/models} when the server lists any. Credentials:
 *       {@code apiKey} (or {@code token}) as a bearer token.</li>
 *   <li>{@code ethicsengine}: 50 scenarios per {@code /he300/batch}; rows become replies, a "LLM configuration
 *       unavailable" answer a failure, the server's label recorded, never scored. Credentials: {@code apiKey} as
 *       {@code X-API-Key}, or {@code token} as a bearer token.</li>
 *   <li>{@code cirisnode}: the whole sample as one job with its scenario ids, polled until done, the bundle's rows
 *       converted; the canned result of a node with EthicsEngine disabled is refused. Credentials: a login
 *       ({@code username}/{@code password}), else {@code apiKey} as {@code X-API-Key}, else {@code token}.</li>
 *   <li>{@code simulate}: a simulator on an ephemeral loopback port with the sample as ground truth, driven by the
 *       Ollama target over real HTTP; described as simulated.</li>
 * </ul>
 */
public final class Targets {

    /** The default token limit: the reference uses 100 to 256. */
    public static final int DEFAULT_MAX_TOKENS = 256;

    private Targets() {
    }

    /**
     * Opens a target for {@code config}, ready to run: connected, the model checked, the server described. The
     * caller closes it when the run is over.
     *
     * @param config which server, model and credentials; not null
     * @param sample the run's scenarios: the simulator's ground truth for {@link TargetKind#SIMULATE}, unused
     *     otherwise
     * @return the open target; {@link TargetKind#SIMULATE} has started its simulator
     * @throws io.github.rngops.he300.core.He300Exception when the server cannot be reached or lacks the model
     */
    public static OpenTarget open(TargetConfig config, Collection<Scenario> sample) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sample, "sample");
        switch (config.kind()) {
            case OLLAMA:
                return new OllamaTarget(config, TargetKind.OLLAMA.id(), false);
            case OPENAI:
                return new OpenAiTarget(config);
            case ETHICSENGINE:
                return new EthicsEngineTarget(config);
            case CIRISNODE:
                return new CirisNodeTarget(config);
            case SIMULATE:
            default:
                return new SimulatedTarget(config, List.copyOf(sample));
        }
    }

    /**
     * The generation settings a run sends to a target of {@code kind}: temperature 0, {@code seed} and
     * {@code maxTokens} under the names the server reads (Ollama's {@code num_predict}, OpenAI's {@code max_tokens});
     * none for EthicsEngine and CIRISNode, whose servers choose their own.
     *
     * @param kind the target's kind; not null
     * @param model the model as the target names it
     * @param seed the sampler seed, the protocol's 42 in a standard run
     * @param maxTokens the most tokens an answer may have, positive ({@value #DEFAULT_MAX_TOKENS} by default)
     * @return the model and the options, as the run records them
     * @throws IllegalArgumentException when {@code maxTokens} is not positive
     */
    public static GenerationSettings generation(TargetKind kind, String model, int seed, int maxTokens) {

        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        switch (kind) {
            case OLLAMA:
            case SIMULATE:
                options.put("temperature", 0);
                options.put("seed", seed);
                options.put("num_predict", maxTokens);
                break;
            case OPENAI:
                options.put("temperature", 0);
                options.put("seed", seed);
                options.put("max_tokens", maxTokens);
                break;
            default:
                break;
        }
        return GenerationSettings.of(model, options);
    }
}
