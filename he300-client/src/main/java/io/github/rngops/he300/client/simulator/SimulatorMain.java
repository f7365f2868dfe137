package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.He300Exception;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a simulator from a shell and runs it until the process is killed. The first line on standard output is the
 * base URL, for scripts to read:
 *
 * <pre>
 * java -cp ... io.github.rngops.he300.client.simulator.SimulatorMain --dataset ../shared/data/ethics --accuracy 0.8
 * http://127.0.0.1:41234/
 * </pre>
 *
 * Exit status 2 on bad usage, 1 when the simulator cannot start.
 */
public final class SimulatorMain {

    static final String USAGE = String.join("\n",
            "usage: SimulatorMain [options]",
            "  --port N          port to listen on (default 0: an ephemeral port)",
            "  --bind ADDRESS    address to listen on (default 127.0.0.1)",
            "  --dataset DIR     ETHICS dataset directory; every scenario becomes ground truth",
            "  --model NAME      a model to serve (repeatable; default " + SimulatorSettings.DEFAULT_MODEL + ")",
            "  --accuracy X      share of on-format answers that are right, in [0,1] (default 0.8)",
            "  --off-format X    share of answers without a verdict word, in [0,1] (default 0)",
            "  --latency-ms N    fixed latency per generation in milliseconds (default 0)",
            "  --parallel N      generations at once (default 1)",
            "  --max-queue N     requests that may wait for a slot (default 512)",
            "  --seed N          seed of every answer, latency and fault (default 42)",
            "  --help            this text");

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings settings;
        try {
            settings = parse(args);
        } catch (UsageException e) {
            if (e.getMessage().isEmpty()) {
                System.out.println(USAGE);
                return;
            }
            System.err.println("SimulatorMain: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(settings);
        } catch (RuntimeException e) {
            System.err.println("SimulatorMain: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "he300-simulator-shutdown"));
        describe(simulator, System.out);
        new CountDownLatch(1).await();
    }

    static void describe(Simulator simulator, PrintStream out) {
        SimulatorSettings s = simulator.settings();
        out.println(simulator.baseUri());
        out.println("he300 simulator (not a real model): " + s.groundTruth().size() + " scenarios, accuracy "
                + s.accuracy() + ", seed " + s.seed() + ", parallel " + s.parallel() + ", " + s.latency()
                + ", models " + s.models().stream().map(SimulatedModel::name).toList());
        out.flush();
    }

    /** The settings {@code args} ask for; {@link UsageException} with an empty message for {@code --help}. */
    static SimulatorSettings parse(String[] args) throws UsageException {
        SimulatorSettings.Builder builder = SimulatorSettings.builder();
        List<String> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option.startsWith("--") ? option + " needs a value" : "unknown argument '"
                        + option + "'");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--port":
                        builder.port(integer(option, value));
                        break;
                    case "--bind":
                        builder.bindAddress(InetAddress.getByName(value));
                        break;
                    case "--dataset":
                        builder.groundTruth(Dataset.load(Path.of(value)));
                        break;
                    case "--model":
                        models.add(value);
                        break;
                    case "--accuracy":
                        builder.accuracy(decimal(option, value));
                        break;
                    case "--off-format":
                        builder.offFormatRate(decimal(option, value));
                        break;
                    case "--latency-ms":
                        long millis = integer(option, value);
                        builder.latency(Latency.fixed(Duration.ofMillis(millis)));
                        break;
                    case "--parallel":
                        builder.parallel(integer(option, value));
                        break;
                    case "--max-queue":
                        builder.maxQueue(integer(option, value));
                        break;
                    case "--seed":
                        builder.seed(longValue(option, value));
                        break;
                    default:
                        throw new UsageException("unknown option '" + option + "'");
                }
            } catch (IllegalArgumentException | He300Exception | UnknownHostException e) {
                throw new UsageException(option + " " + value + ": " + e.getMessage());
            }
        }
        if (!models.isEmpty()) {
            builder.models(models.toArray(String[]::new));
        }
        return builder.build();
    }

    private static int integer(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }

    private static long longValue(String option, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + value + "'");
        }
    }

    private static double decimal(String option, String value) throws UsageException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, was '" + value + "'");
        }
    }

    /** Bad command-line usage; the message says what was wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
