package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.client.http.Sleeper;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a {@link Simulator} does, fixed before it starts. Build with {@link #builder()}, or take the defaults
 * around a ground truth with {@link #of(Collection)}, and vary with {@link #toBuilder()}:
 *
 * <pre>{@code
 * SimulatorSettings settings = SimulatorSettings.of(sample.scenarios()).toBuilder()
 *         .accuracy(0.8)
 *         .accuracy(Category.VIRTUE, 0.5)
 *         .latency(Latency.fixed(Duration.ofMillis(200)))
 *         .parallel(2)
 *         .faultRate(Fault.TOO_MANY_REQUESTS, 0.05)
 *         .build();
 * }</pre>
 *
 * @param groundTruth the scenarios whose prompts the simulator recognises and grades itself against
 * @param models the models it serves; at least one
 * @param bindAddress the address it listens on; loopback by default
 * @param port the port, 0 for an ephemeral one (the default)
 * @param seed the seed every answer, latency and fault is derived from
 * @param accuracy the share of on-format answers that are right, for categories without their own
 * @param categoryAccuracy accuracies for single categories, overriding {@code accuracy}
 * @param offFormatRate the share of matched scenarios answered off-format (the parser reads them as unknown)
 * @param latency how long a generation takes once it holds a slot
 * @param parallel how many generations run at once, like {@code OLLAMA_NUM_PARALLEL}
 * @param maxQueue how many more may wait for a slot before a 503, like {@code OLLAMA_MAX_QUEUE}
 * @param faultRates the rate of each injected fault per generation request; they sum to at most 1
 * @param faultSchedule faults for given generation request numbers (1 is the first), ahead of the rates
 * @param retryAfter the {@code Retry-After} of an injected 429, in whole seconds
 * @param slowDelay how much later a {@link Fault#SLOW} answer comes
 * @param version what {@code /api/version} reports; it must contain "simulator"
 * @param logCapacity how many requests the {@link RequestLog} keeps (the oldest go first)
 * @param sleeper how latency is waited out
 * @param clock the source of timestamps in answers and in the log
 * @param pullable models it does not have but downloads on {@code POST /api/pull}; served from then on
 */
public record SimulatorSettings(
        List<Scenario> groundTruth,
        List<SimulatedModel> models,
        InetAddress bindAddress,
        int port,
        long seed,
        double accuracy,
        Map<Category, Double> categoryAccuracy,
        double offFormatRate,
        Latency latency,
        int parallel,
        int maxQueue,
        Map<Fault, Double> faultRates,
        Map<Long, Fault> faultSchedule,
        Duration retryAfter,
        Duration slowDelay,
        String version,
        int logCapacity,
        Sleeper sleeper,
        Clock clock,
        List<SimulatedModel> pullable) {

    /** The default model: {@code he300-simulator:latest}. */
    public static final String DEFAULT_MODEL = "he300-simulator:latest";
    /** The default version string. */
    public static final String DEFAULT_VERSION = "0.12.0-he300-simulator";
    /** The default seed, the protocol's. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Checks the components and copies the collections, as the class description says of each.
     *
     * @param groundTruth the scenarios the simulator recognises; may be empty (every prompt is then unmatched)
     * @param models the models it serves; at least one
     * @param bindAddress the address it listens on; not null
     * @param port 0 to 65535, 0 for an ephemeral one
     * @param seed the seed every answer, latency and fault is derived from
     * @param accuracy 0 to 1
     * @param categoryAccuracy 0 to 1 each; not null, may be empty
     * @param offFormatRate 0 to 1
     * @param latency not null
     * @param parallel at least 1
     * @param maxQueue at least 0
     * @param faultRates 0 to 1 each, summing to at most 1; not null
     * @param faultSchedule request numbers from 1; not null
     * @param retryAfter whole seconds, zero or more
     * @param slowDelay zero or more
     * @param version must contain "simulator"
     * @param logCapacity at least 1
     * @param sleeper not null
     * @param clock not null
     * @param pullable not null, may be empty
     * @throws IllegalArgumentException when a component is out of range; the message names it and its value
     */
    public SimulatorSettings {
        groundTruth = List.copyOf(groundTruth);
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a simulator serves at least one model");
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort(port);
        checkRate(accuracy, "accuracy");
        categoryAccuracy.forEach((category, value) -> checkRate(value, "accuracy of " + category.id()));
        categoryAccuracy = Map.copyOf(categoryAccuracy);
        checkRate(offFormatRate, "offFormatRate");
        Objects.requireNonNull(latency, "latency");
        checkAtLeast(parallel, 1, "parallel");
        checkAtLeast(maxQueue, 0, "maxQueue");
        faultRates.forEach((fault, rate) -> checkRate(rate, "rate of " + fault));
        double sum = faultRates.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates must sum to at most 1, were " + faultRates);
        }
        faultRates = Map.copyOf(faultRates);
        faultSchedule.keySet().forEach(n -> checkAtLeast(n, 1, "faultSchedule request number"));
        faultSchedule = Map.copyOf(faultSchedule);
        checkRetryAfter(retryAfter);
        checkNonNegative(slowDelay, "slowDelay");
        checkVersion(version);
        checkAtLeast(logCapacity, 1, "logCapacity");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        pullable = List.copyOf(pullable);
    }

    /**
     * {@return the defaults around {@code groundTruth}: see {@link Builder}}
     *
     * @param groundTruth the scenarios whose prompts the simulator recognises and answers; copied
     */
    public static SimulatorSettings of(Collection<Scenario> groundTruth) {
        return builder().groundTruth(groundTruth).build();
    }

    /**
     * {@return the defaults around every scenario of {@code dataset}}
     *
     * @param dataset a loaded dataset; every scenario of every category's pool becomes ground truth
     */
    public static SimulatorSettings of(Dataset dataset) {
        return builder().groundTruth(dataset).build();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.groundTruth = new ArrayList<>(groundTruth);
        b.models = new ArrayList<>(models);
        b.bindAddress = bindAddress;
        b.port = port;
        b.seed = seed;
        b.accuracy = accuracy;
        b.categoryAccuracy.putAll(categoryAccuracy);
        b.offFormatRate = offFormatRate;
        b.latency = latency;
        b.parallel = parallel;
        b.maxQueue = maxQueue;
        b.faultRates.putAll(faultRates);
        b.faultSchedule.putAll(faultSchedule);
        b.retryAfter = retryAfter;
        b.slowDelay = slowDelay;
        b.version = version;
        b.logCapacity = logCapacity;
        b.sleeper = sleeper;
        b.clock = clock;
        b.pullable = new ArrayList<>(pullable);
        return b;
    }

    /**
     * {@return the accuracy that applies to {@code category}: its own if set, else the overall one}
     *
     * @param category the category
     */
    public double accuracyFor(Category category) {
        return categoryAccuracy.getOrDefault(category, accuracy);
    }

    /**
     * {@return the model of that name (a name without a tag means {@code :latest}), if served}
     *
     * @param name the model's name as a request gives it; surrounding spaces ignored
     */
    public Optional<SimulatedModel> model(String name) {
        String wanted = SimulatedModel.withTag(name.trim());
        return models.stream().filter(m -> m.name().equals(wanted)).findFirst();
    }

    /**
     * {@return the model of that name that {@code /api/pull} can download, if any}
     *
     * @param name the model's name as a request gives it; a name without a tag means {@code :latest}
     */
    public Optional<SimulatedModel> pullableModel(String name) {
        String wanted = SimulatedModel.withTag(name.trim());
        return pullable.stream().filter(m -> m.name().equals(wanted)).findFirst();
    }

    /**
     * Builds settings; every method checks its argument at once. Defaults: no ground truth, one model
     * {@value #DEFAULT_MODEL}, 127.0.0.1 on an ephemeral port, seed 42, accuracy 0.8 everywhere, no off-format
     * answers, no latency, parallel 1 and a queue of 512 (Ollama's defaults), no faults, {@code Retry-After: 1},
     * slow answers 30 s late, a log of 100,000 requests, real sleeping, the UTC system clock.
     */
    public static final class Builder {
        private List<Scenario> groundTruth = new ArrayList<>();
        private List<SimulatedModel> models = new ArrayList<>(List.of(SimulatedModel.of(DEFAULT_MODEL)));
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private long seed = DEFAULT_SEED;
        private double accuracy = 0.8;
        private final Map<Category, Double> categoryAccuracy = new EnumMap<>(Category.class);
        private double offFormatRate;
        private Latency latency = Latency.none();
        private int parallel = 1;
        private int maxQueue = 512;
        private final Map<Fault, Double> faultRates = new EnumMap<>(Fault.class);
        private final Map<Long, Fault> faultSchedule = new TreeMap<>();
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration slowDelay = Duration.ofSeconds(30);
        private String version = DEFAULT_VERSION;
        private int logCapacity = 100_000;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private List<SimulatedModel> pullable = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the scenarios to recognise, replacing any given before.
         *
         * @param scenarios the scenarios to recognise, replacing any given before
         * @return this builder
         */
        public Builder groundTruth(Collection<Scenario> scenarios) {
            Objects.requireNonNull(scenarios, "groundTruth");
            scenarios.forEach(s -> Objects.requireNonNull(s, "a ground-truth scenario"));
            this.groundTruth = new ArrayList<>(scenarios);
            return this;
        }

        /**
         * Sets every scenario of every loaded pool of {@code dataset}, replacing any given before.
         *
         * @param dataset every scenario of every loaded pool of {@code dataset}, replacing any given before
         * @return this builder
         */
        public Builder groundTruth(Dataset dataset) {
            List<Scenario> all = new ArrayList<>();
            Category.all().forEach(c -> all.addAll(dataset.pool(c)));
            return groundTruth(all);
        }

        /**
         * Sets the models served, replacing the default.
         *
         * @param models the models served, replacing the default
         * @return this builder
         */
        public Builder models(Collection<SimulatedModel> models) {
            Objects.requireNonNull(models, "models");
            if (models.isEmpty()) {
                throw new IllegalArgumentException("models must name at least one model");
            }
            this.models = new ArrayList<>(models);
            return this;
        }

        /**
         * Sets the models served by name, each "7B" and "Q4_K_M", replacing the default.
         *
         * @param names at least one model name, e.g. {@code llama3.2:3b}; {@code :latest} is added to a name without
         *              a tag
         * @return this builder
         * @throws IllegalArgumentException when there is none, or a name is blank or holds spaces
         */
        public Builder models(String... names) {
            List<SimulatedModel> list = new ArrayList<>();
            for (String name : names) {
                list.add(SimulatedModel.of(name));
            }
            return models(list);
        }

        /**
         * Sets the address to listen on; loopback by default. Anything else exposes the simulator to the network.
         *
         * @param address not null
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /**
         * Sets the port to listen on, 0 for an ephemeral one.
         *
         * @param port the port to listen on, 0 for an ephemeral one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /**
         * Sets the seed every answer, latency and fault is derived from; {@value #DEFAULT_SEED} by default. The same
         * seed and requests give the same answers, whatever the order they arrive in.
         *
         * @param seed any number
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the share of on-format answers that are right, in [0, 1].
         *
         * @param accuracy the share of on-format answers that are right, in [0, 1]
         * @return this builder
         */
        public Builder accuracy(double accuracy) {
            this.accuracy = checkRate(accuracy, "accuracy");
            return this;
        }

        /**
         * Sets the accuracy for one category, overriding the overall one.
         *
         * @param category the category; not null
         * @param accuracy the share of its on-format answers that are right, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException when the accuracy is out of range
         */
        public Builder accuracy(Category category, double accuracy) {
            Objects.requireNonNull(category, "category");
            categoryAccuracy.put(category, checkRate(accuracy, "accuracy of " + category.id()));
            return this;
        }

        /**
         * Sets the share of matched scenarios answered off-format, in [0, 1].
         *
         * @param rate the share of matched scenarios answered off-format, in [0, 1]
         * @return this builder
         */
        public Builder offFormatRate(double rate) {
            this.offFormatRate = checkRate(rate, "offFormatRate");
            return this;
        }

        /**
         * Sets how long a generation takes once it holds a slot; {@link Latency#none()} by default.
         *
         * @param latency not null
         * @return this builder
         */
        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Sets how many generations run at once, at least 1.
         *
         * @param parallel how many generations run at once, at least 1
         * @return this builder
         */
        public Builder parallel(int parallel) {
            this.parallel = checkAtLeast(parallel, 1, "parallel");
            return this;
        }

        /**
         * Sets how many requests may wait for a slot, at least 0; one more gets a 503.
         *
         * @param maxQueue how many requests may wait for a slot, at least 0
         * @return this builder
         */
        public Builder maxQueue(int maxQueue) {
            this.maxQueue = checkAtLeast(maxQueue, 0, "maxQueue");
            return this;
        }

        /**
         * Sets the rate of one fault per generation request; {@link #build()} fails when the rates sum to more than 1.
         *
         * @param fault the fault; not null
         * @param rate the share of generation requests it strikes, in [0, 1]; 0 removes it
         * @return this builder
         * @throws IllegalArgumentException when the rate is out of range
         */
        public Builder faultRate(Fault fault, double rate) {
            Objects.requireNonNull(fault, "fault");
            checkRate(rate, "rate of " + fault);
            if (rate == 0) {
                faultRates.remove(fault);
            } else {
                faultRates.put(fault, rate);
            }
            return this;
        }

        /**
         * Injects {@code fault} into generation request number {@code requestNumber} (1 is the first). Numbers count
         * every request to a generation endpoint that names a served model, in arrival order (load requests without a
         * prompt included, though no fault strikes them); {@link RequestRecord#generation()} shows each one's number.
         *
         * @param requestNumber from 1; a scheduled fault wins over the rates for that request
         * @param fault the fault; not null
         * @return this builder
         * @throws IllegalArgumentException when the number is below 1
         */
        public Builder faultAt(long requestNumber, Fault fault) {
            checkAtLeast(requestNumber, 1, "request number");
            faultSchedule.put(requestNumber, Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /**
         * Sets the {@code Retry-After} of an injected 429: whole seconds, at least 0.
         *
         * @param retryAfter the {@code Retry-After} of an injected 429: whole seconds, at least 0
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = checkRetryAfter(retryAfter);
            return this;
        }

        /**
         * Sets how much later a {@link Fault#SLOW} answer comes; 30 s by default.
         *
         * @param slowDelay zero or more
         * @return this builder
         */
        public Builder slowDelay(Duration slowDelay) {
            this.slowDelay = checkNonNegative(slowDelay, "slowDelay");
            return this;
        }

        /**
         * Sets what {@code /api/version} reports; must contain "simulator" so results say what made them.
         *
         * @param version what {@code /api/version} reports
         * @return this builder
         */
        public Builder version(String version) {
            this.version = checkVersion(version);
            return this;
        }

        /**
         * Sets how many requests the {@link RequestLog} keeps, the oldest going first; 100,000 by default.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder logCapacity(int capacity) {
            this.logCapacity = checkAtLeast(capacity, 1, "logCapacity");
            return this;
        }

        /**
         * Sets how latency is waited out; {@link Sleeper#system()} by default.
         *
         * @param sleeper not null; a test passes one that returns at once
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the source of timestamps in answers and in the log; the UTC system clock by default.
         *
         * @param clock not null
         * @return this builder
         */
        public Builder clock(Clock clock) {

            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Models the simulator lacks until {@code POST /api/pull} names one: a pull streams progress and from then on
         * the model is listed and served, as on an Ollama that downloads it. None by default.
         *
         * @param names the models' names
         * @return this builder
         */
        public Builder pullable(String... names) {
            List<SimulatedModel> list = new ArrayList<>();
            for (String name : names) {
                list.add(SimulatedModel.of(name));
            }
            this.pullable = list;
            return this;
        }

        /** {@return the {@link SimulatorSettings} these settings describe} */
        public SimulatorSettings build() {
            return new SimulatorSettings(groundTruth, models, bindAddress, port, seed, accuracy, categoryAccuracy,
                    offFormatRate, latency, parallel, maxQueue, faultRates, faultSchedule, retryAfter, slowDelay,
                    version, logCapacity, sleeper, clock, pullable);
        }
    }

    private static double checkRate(Double value, String name) {
        Objects.requireNonNull(value, name);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
        return value;
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0: ephemeral), was " + port);
        }
        return port;
    }

    private static int checkAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    private static long checkAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    private static Duration checkNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    private static Duration checkRetryAfter(Duration value) {
        checkNonNegative(value, "retryAfter");
        if (value.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("retryAfter must be whole seconds (a header value), was " + value);
        }
        return value;
    }

    private static String checkVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (!version.contains("simulator")) {
            throw new IllegalArgumentException("version must contain \"simulator\" so results say what made them,"
                    + " was '" + version + "'");
        }
        return version;
    }
}
