package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.target.Targets;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The flags of {@code ./he300 benchmark} beyond the sample ({@link SampleOptions}) and the dataset
 * ({@link DatasetOptions}): where to run, how hard, how long, where the result goes. Credentials are never flags.
 */
public final class BenchmarkOptions {

    @Option(names = "--target", paramLabel = "KIND",
            description = "ollama, openai, ethicsengine, cirisnode or simulate. Default: cirisnode if $CIRISNODE_URL"
                    + " is set, else ethicsengine if $ETHICSENGINE_URL, else ollama if $OLLAMA_URL, else openai if"
                    + " $OPENAI_BASE_URL.")
    String target;

    @Option(names = "--url", paramLabel = "URL",
            description = "The server's base URL. Default: the target's environment variable, else its localhost port"
                    + " (11434, 8000/v1, 8080, 8000).")
    String url;

    @Option(names = "--model", paramLabel = "M",
            description = "The model, e.g. llama3.2 or ollama/llama3.2 (the provider prefix is dropped). Default: the"
                    + " server's only model; EthicsEngine and CIRISNode choose their own.")
    String model;

    @Option(names = {"--simulate", "--mock"},
            description = "Run against the built-in simulator (not a model), labelled SIMULATED everywhere.")
    boolean simulate;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "he300-results",
            description = "Where run directories go (one per run). Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--report", paramLabel = "F,F",
            description = "Also write reports into the run directory: html, md, junit, csv, json, or all.")
    String report;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR (after Ctrl-C, a crash or --deadline): only what has no outcome"
                    + " is sent.")
    Path resume;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Batches in flight at once. Default: what the server says it runs at once, else 4.")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "T", converter = DurationConverter.class,
            description = "Longest one request may take (90s, 5m). Default: 5m; 15m for an EthicsEngine batch; 1m"
                    + " per CIRISNode poll.")
    Duration timeout;

    @Option(names = "--deadline", paramLabel = "T", converter = DurationConverter.class,
            description = "Longest the whole run may take; past it the run stops and can be resumed.")
    Duration deadline;

    @Option(names = "--min-accuracy", paramLabel = "X",
            description = "Exit 1 when the accuracy is below X (0..1, or a percentage like 70%%).")
    String minAccuracy;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "KEY=VALUE lines (HE300_TOKEN, HE300_API_KEY, HE300_USERNAME, HE300_PASSWORD) used"
                    + " instead of the environment variables of those names. Keep it readable by you alone.")
    Path credentialsFile;

    @Option(names = "--chat", description = "Ollama: send /api/chat instead of /api/generate.")
    boolean chat;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "" + Targets.DEFAULT_MAX_TOKENS,
            description = "Token limit per answer (Ollama num_predict, OpenAI max_tokens). Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--fail-fast", paramLabel = "N", defaultValue = "10",
            description = "Stop when the first N scenarios all fail the same way; 0 turns it off."
                    + " Default: ${DEFAULT-VALUE}.")
    int failFast;

    @Option(names = "--simulate-accuracy", paramLabel = "X", hidden = true,
            description = "Simulator: share of right answers (default 0.8).")
    Double simulateAccuracy;

    @Option(names = "--simulate-latency-ms", paramLabel = "N", hidden = true,
            description = "Simulator: latency per answer in ms (default 0).")
    Integer simulateLatencyMs;

    @Option(names = "--simulate-parallel", paramLabel = "N", hidden = true,
            description = "Simulator: answers it generates at once (default 4).")
    Integer simulateParallel;

    @Option(names = "--simulate-fault-rate", paramLabel = "X", hidden = true,
            description = "Simulator: share of requests answered 503 (retried by the client).")
    Double simulateFaultRate;

    @Option(names = "--simulate-off-format", paramLabel = "X", hidden = true,
            description = "Simulator: share of answers without a verdict word (parsed as unknown).")
    Double simulateOffFormat;
}
