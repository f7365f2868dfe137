package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.simulator.Fault;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.SimulatedModel;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.dataset.Dataset;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The flags of {@code ./he300 simulator}: where it listens, how it answers, and the faults a real server shows, each
 * at a rate: {@code --fault-500}, {@code --fault-429} (with {@code Retry-After}), {@code --fault-503},
 * {@code --fault-reset}, {@code --fault-stall} (past the client's timeout), {@code --fault-garbage}.
 */
public final class SimulatorOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A model to serve (repeat for several). Default: " + SimulatorSettings.DEFAULT_MODEL + ".")
    List<String> models = new ArrayList<>();

    @Option(names = "--accuracy", paramLabel = "X", defaultValue = "0.8",
            description = "Share of right answers, 0..1. Default: ${DEFAULT-VALUE}.")
    double accuracy;

    @Option(names = "--off-format", paramLabel = "X", defaultValue = "0",
            description = "Share of answers without a verdict word (parsed as unknown), 0..1. Default: ${DEFAULT-VALUE}.")
    double offFormat;

    @Option(names = "--latency", paramLabel = "T",
            description = "Time to generate one answer (50ms, 2s). Default: none.")
    Duration latency;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Answers generated at once; more wait in a queue. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--max-queue", paramLabel = "N", defaultValue = "512",
            description = "Requests that may wait; past it, 503 as Ollama answers. Default: ${DEFAULT-VALUE}.")
    int maxQueue;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SimulatorSettings.DEFAULT_SEED,
            description = "Seed of every answer, latency and fault. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--fault-500", paramLabel = "X", defaultValue = "0",
            description = "Share of requests answered 500 with an error body (an error line mid-stream when"
                    + " streaming), as a crashed Ollama runner does.")
    double fault500;

    @Option(names = "--fault-429", paramLabel = "X", defaultValue = "0",
            description = "Share answered 429 Too Many Requests with Retry-After (--retry-after).")
    double fault429;

    @Option(names = "--fault-503", paramLabel = "X", defaultValue = "0",
            description = "Share answered 503 server busy, as a full Ollama queue does.")
    double fault503;

    @Option(names = "--fault-reset", paramLabel = "X", defaultValue = "0",
            description = "Share whose connection is closed without an answer.")
    double faultReset;

    @Option(names = "--fault-stall", paramLabel = "X", defaultValue = "0",
            description = "Share answered only after --stall, past a client's timeout.")
    double faultStall;

    @Option(names = "--fault-garbage", paramLabel = "X", defaultValue = "0",
            description = "Share answered 200 with a body cut off half way (not JSON).")
    double faultGarbage;

    @Option(names = "--retry-after", paramLabel = "T", defaultValue = "1s",
            description = "The Retry-After of a 429, whole seconds. Default: ${DEFAULT-VALUE}.")
    Duration retryAfter;

    @Option(names = "--stall", paramLabel = "T", defaultValue = "30s",
            description = "How late a stalled answer comes. Default: ${DEFAULT-VALUE}.")
    Duration stall;

    /**
     * The settings these flags ask for, answering from every scenario of the dataset {@code groundTruth} gives; the
     * flags are checked before it is asked for, so that a typo costs no dataset load (or download).
     *
     * @param groundTruth the dataset the answers come from, asked for only once the flags are good
     * @return the simulator's settings
     * @throws He300Exception naming the flag whose value the simulator refuses
     */
    public SimulatorSettings settings(Supplier<Dataset> groundTruth) {
        SimulatorSettings.Builder builder = SimulatorSettings.builder();
        set("--port", () -> builder.port(port));
        set("--host", () -> builder.bindAddress(address()));
        if (!models.isEmpty()) {
            set("--model", () -> builder.models(models.toArray(String[]::new)));
        }
        set("--accuracy", () -> builder.accuracy(accuracy));
        set("--off-format", () -> builder.offFormatRate(offFormat));
        if (latency != null) {
            set("--latency", () -> builder.latency(Latency.fixed(latency)));
        }
        set("--parallel", () -> builder.parallel(parallel));
        set("--max-queue", () -> builder.maxQueue(maxQueue));
        set("--seed", () -> builder.seed(seed));
        faults().forEach((flag, fault) -> set(flag, () -> builder.faultRate(fault.getValue(), fault.getKey())));
        set("--retry-after", () -> builder.retryAfter(retryAfter));
        set("--stall", () -> builder.slowDelay(stall));
        try {
            builder.build();
        } catch (IllegalArgumentException e) {
            throw new He300Exception("the --fault-* rates add up to more than 1: lower them");
        }
        return builder.groundTruth(groundTruth.get()).build();
    }

    /**
     * {@return one line on what is served, for standard error: not a model, the accuracy, the faults}
     *
     * @param simulator the simulator started from these settings
     */
    public static String describe(Simulator simulator) {
        SimulatorSettings s = simulator.settings();
        String faults = s.faultRates().isEmpty() ? "no faults" : "faults " + s.faultRates().entrySet().stream()
                .map(e -> FAULT_NAMES.get(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        return "he300 simulator (SIMULATED: not a model) answering " + s.groundTruth().size() + " scenarios, accuracy "
                + s.accuracy() + ", seed " + s.seed() + ", parallel " + s.parallel() + ", latency "
                + (s.latency().equals(Latency.none()) ? "none" : "about " + s.latency().typical().toMillis() + " ms")
                + ", " + faults + ", models " + s.models().stream().map(SimulatedModel::name).toList()
                + "; Ctrl-C stops it";
    }

    private static final Map<Fault, String> FAULT_NAMES = Map.of(Fault.STREAM_ERROR, "500",
            Fault.TOO_MANY_REQUESTS, "429", Fault.SERVICE_UNAVAILABLE, "503", Fault.CONNECTION_RESET, "reset",
            Fault.SLOW, "stall", Fault.MALFORMED_JSON, "garbage");

    private Map<String, Map.Entry<Double, Fault>> faults() {
        Map<String, Map.Entry<Double, Fault>> faults = new LinkedHashMap<>();
        faults.put("--fault-500", Map.entry(fault500, Fault.STREAM_ERROR));
        faults.put("--fault-429", Map.entry(fault429, Fault.TOO_MANY_REQUESTS));
        faults.put("--fault-503", Map.entry(fault503, Fault.SERVICE_UNAVAILABLE));
        faults.put("--fault-reset", Map.entry(faultReset, Fault.CONNECTION_RESET));
        faults.put("--fault-stall", Map.entry(faultStall, Fault.SLOW));
        faults.put("--fault-garbage", Map.entry(faultGarbage, Fault.MALFORMED_JSON));
        return faults;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(host.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve '" + host + "': give an address like 127.0.0.1");
        }
    }

    /** Applies one setting; the builder's refusal becomes a message naming the flag. */
    private static void set(String flag, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException e) {
            throw new He300Exception(flag + ": " + (e.getMessage() == null ? "refused" : e.getMessage()));
        }
    }
}
