package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.config.StackSecret;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.stack.StackFile;
import io.github.rngops.he300.provision.stack.StackFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The host a plan acts on, as the steps see it: the runner (SSH or local), its facts (gathered again when a step
 * asks), the config with its GPU profile, the stack's files, how to reach its loopback ports, and the output
 * plumbing — every line a command prints passes through {@link #mask} and into a tail kept for failure reports.
 */
public final class Host {
    /** Lines of output kept for a failure report. */
    public static final int TAIL_LINES = 20;

    private final CommandRunner runner;
    private final InstallConfig config;
    private final StackFiles files;
    private final String root;
    private final Ports ports;
    private final Function<CommandRunner, HostFacts> probe;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration healthDeadline;
    private final Duration pollInterval;
    private final Optional<QuickBenchmark> benchmark;
    private final List<String> secrets;
    private final java.nio.file.Path runnerDir;
    private HostFacts facts;
    private PlanListener listener = PlanListener.silent();
    private final Deque<String> tail = new ArrayDeque<>();
    private String lastCommand = "";
    private boolean stackChanged;
    private long changes;
    private final Map<String, Object> looks = new HashMap<>();
    private long looksAt = -1;

    /** Waits; injected so tests never sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for {@code duration} (the health gate's poll interval).
         *
         * @param duration how long to wait; never negative
         * @throws InterruptedException if the thread is interrupted while waiting: the step ends, the plan fails
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private Host(Builder b) {
        runner = b.runner;
        facts = b.facts;
        config = b.config;
        files = StackFiles.of(config);
        root = b.root;
        ports = b.ports;
        probe = b.probe;
        clock = b.clock;
        sleeper = b.sleeper;
        healthDeadline = b.healthDeadline;
        pollInterval = b.pollInterval;
        benchmark = Optional.ofNullable(b.benchmark);
        secrets = secretsOf(config, b.extraSecrets);
        runnerDir = b.runnerDir;
    }

    /**
     * Starts a host for {@code config}, whose GPU profile must be known ({@link InstallConfig#withProfile}, from the
     * facts). Nothing is run on the host until a plan runs.
     *
     * @param runner how commands reach the host: an {@code SshSession}, or a {@code LocalRunner} for this machine
     * @param facts the host's facts, as gathered before the plan ({@link HostFactsProbe#gather})
     * @param config the resolved config, with its GPU profile
     * @return a builder for the other settings, each with a default
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the config's GPU profile is not known yet
     */
    public static Builder builder(CommandRunner runner, HostFacts facts, InstallConfig config) {
        return new Builder(runner, facts, config);
    }

    /** {@return the host's facts: those given to the builder, or the latest gathered after a step changed the host} */
    public HostFacts facts() {
        return facts;
    }

    /** {@return the config the plan installs, with its GPU profile} */
    public InstallConfig config() {
        return config;
    }

    /** {@return the stack's files generated from the config, the systemd units included} */
    public StackFiles files() {
        return files;
    }

    /** {@return the files this host gets: without the systemd units on a Mac} */
    public List<StackFile> stackFiles() {
        return files.all().stream().filter(f -> !facts.os().isMac() || !f.path().startsWith("/etc/systemd/"))
                .toList();
    }

    /** {@return whether the host runs systemd units (Linux)} */
    public boolean systemd() {
        return !facts.os().isMac();
    }

    /**
     * Where {@code path} is on the host: itself, or under the file root when one is set (tests write into a
     * temporary directory this way, as the probe reads from {@code HE300_PROBE_ROOT}).
     *
     * @param path an absolute path as the stack knows it ({@code /opt/he300/.env})
     * @return the path commands on the host use
     */
    public String path(String path) {
        return root + path;
    }

    /** The file root prefixed to every path written; empty on a real host. */
    String root() {
        return root;
    }

    /** How the runner reaches the host's loopback ports. */
    Ports ports() {
        return ports;
    }

    /** Where this machine (the runner) keeps what install writes for it: the WireGuard config for this host. */
    java.nio.file.Path runnerDir() {
        return runnerDir;
    }

    /** {@return the clock steps time themselves and name backups with} */
    public Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** How long the health gate waits for the services. */
    Duration healthDeadline() {
        return healthDeadline;
    }

    /** How long the health gate waits between two looks. */
    Duration pollInterval() {
        return pollInterval;
    }

    /** The quick HE-300 the last step runs; empty: that step is skipped. */
    Optional<QuickBenchmark> benchmark() {
        return benchmark;
    }

    /** Gathers the facts again (one round trip), after a step changed what they describe. */
    HostFacts refreshFacts() {
        facts = probe.apply(runner);
        return facts;
    }

    /** Whether the stack-files step wrote a file in this run (compose up must then recreate containers). */
    boolean stackChanged() {
        return stackChanged;
    }

    void markStackChanged() {
        stackChanged = true;
    }

    void stackApplied() {
        stackChanged = false;
    }

    /** Runs a command that may change the host, streaming its output (masked) to the listener and the tail. */
    CommandResult run(Command command) {
        changes++;
        lastCommand = command.displayLine();
        tail.clear();
        return runner.run(command, this::output, this::output);
    }

    /**
     * Runs a read-only command quietly: no output to the listener, nothing in the tail. A non-zero exit is returned,
     * not thrown.
     *
     * @param command the command; with {@code sudo} it runs as root
     * @return its exit code and output, unmasked: pass what is shown through {@link #mask}
     */
    public CommandResult look(Command command) {
        return runner.run(command);
    }

    /**
     * What {@code look} answers, asked once until the next {@link #run} (which may change the host): a step's check
     * and its plan or apply share one round trip instead of asking the host the same question twice.
     */
    @SuppressWarnings("unchecked")
    <T> T remember(String key, Supplier<T> look) {
        if (looksAt != changes) {
            looks.clear();
            looksAt = changes;
        }
        Object value = looks.get(key);
        if (value == null) {
            value = look.get();
            looks.put(key, value);
        }
        return (T) value;
    }

    /**
     * Runs a command as {@link #run} does; a non-zero exit throws {@link
     * io.github.rngops.he300.core.command.CommandException}.
     */
    CommandResult runChecked(Command command) {
        return run(command).orThrow(command);
    }

    /** Tells the operator something (masked). */
    void say(String text) {
        listener.line(mask(text));
    }

    /**
     * Hides the secrets in {@code text}: every secret of the config (and those given to {@link Builder#secret}),
     * longest first, becomes {@value Secret#MASK}.
     *
     * @param text what is about to be shown or logged
     * @return the same text with every secret masked
     */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, Secret.MASK);
        }
        return masked;
    }

    void listener(PlanListener value) {
        listener = Objects.requireNonNull(value, "listener");
    }

    String lastCommand() {
        return lastCommand;
    }

    List<String> tail() {
        return List.copyOf(tail);
    }

    void resetOutput() {
        lastCommand = "";
        tail.clear();
    }

    private void output(String line) {
        String masked = mask(line);
        synchronized (tail) {
            tail.addLast(masked);
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        listener.line("  | " + masked);
    }

    private static List<String> secretsOf(InstallConfig config, List<String> extra) {
        List<String> all = new ArrayList<>(extra);
        var security = config.security();
        for (StackSecret secret : StackSecret.values()) {
            all.add(secret.of(security).reveal());
        }
        config.network().tailscale().authKey().ifPresent(key -> all.add(key.reveal()));
        security.hfToken().ifPresent(token -> all.add(token.reveal()));
        return all.stream().filter(s -> s.length() >= 4).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Makes a {@link Host}. */
    public static final class Builder {
        private final CommandRunner runner;
        private final HostFacts facts;
        private final InstallConfig config;
        private String root = "";
        private Ports ports = Ports.local();
        private Function<CommandRunner, HostFacts> probe = HostFactsProbe::gather;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private Duration healthDeadline = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(5);
        private QuickBenchmark benchmark;
        private final List<String> extraSecrets = new ArrayList<>();
        private java.nio.file.Path runnerDir = java.nio.file.Path.of(System.getProperty("user.home"), ".config",
                "he300", "wireguard");

        private Builder(CommandRunner runner, HostFacts facts, InstallConfig config) {
            this.runner = Objects.requireNonNull(runner, "runner");
            this.facts = Objects.requireNonNull(facts, "facts");
            this.config = Objects.requireNonNull(config, "config");
            if (config.profile().isEmpty()) {
                throw new IllegalArgumentException("the config's GPU profile must be known: withProfile(..) from"
                        + " the facts (" + facts.gpuProfile() + ")");
            }
        }

        /**
         * Sets a prefix for every path the plan writes (a test's temporary root); empty, the default, on a real host.
         *
         * @param value empty, or an absolute path without a trailing slash
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is neither empty nor absolute, or ends with {@code /}
         */
        public Builder root(String value) {
            Objects.requireNonNull(value, "root");
            if (!value.isEmpty() && (!value.startsWith("/") || value.endsWith("/"))) {
                throw new IllegalArgumentException("root must be empty or absolute without a trailing '/', was "
                        + value);
            }
            root = value;
            return this;
        }

        /**
         * Sets where this machine (the runner) keeps what install writes for it, such as the WireGuard config for
         * the host; {@code ~/.config/he300/wireguard} by default.
         *
         * @param value a directory on this machine, created when needed
         * @return this builder
         */
        public Builder runnerDir(java.nio.file.Path value) {
            runnerDir = Objects.requireNonNull(value, "runnerDir");
            return this;
        }

        /**
         * Sets how the runner reaches the host's loopback ports: {@link Ports#over} an SSH session, or
         * {@link Ports#local()} (the default) when the host is this machine.
         *
         * @param value how ports are reached
         * @return this builder
         */
        public Builder ports(Ports value) {
            ports = Objects.requireNonNull(value, "ports");
            return this;
        }

        /**
         * Sets how facts are gathered again; {@link HostFactsProbe#gather} by default.
         *
         * @param value how facts are gathered again
         * @return this builder
         */
        public Builder probe(Function<CommandRunner, HostFacts> value) {
            probe = Objects.requireNonNull(value, "probe");
            return this;
        }

        /**
         * Sets the clock steps are timed with and backups named by; the system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets how the health gate waits between looks; {@link Thread#sleep} by default (tests never sleep).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Sets how long the health gate waits for every service to be healthy; 5 minutes by default.
         *
         * @param value how long the health gate waits for every service to be healthy; zero looks once
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder healthDeadline(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("health deadline must not be negative, was " + value);
            }
            healthDeadline = value;
            return this;
        }

        /**
         * Sets how long the health gate waits between two looks at the services; 5 seconds by default.
         *
         * @param value a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder pollInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive, was " + value);
            }
            pollInterval = value;
            return this;
        }

        /**
         * Sets the quick HE-300 to run at the end; without one that step is skipped.
         *
         * @param value the quick HE-300 to run at the end, or null for none
         * @return this builder
         */
        public Builder benchmark(QuickBenchmark value) {
            benchmark = value;
            return this;
        }

        /**
         * Adds a value to mask in every output besides the config's secrets (the old values during a rotation).
         *
         * @param value the secret; values shorter than 4 characters are not masked
         * @return this builder
         */
        public Builder secret(String value) {
            extraSecrets.add(Objects.requireNonNull(value, "secret"));
            return this;
        }

        /** {@return the {@link Host} these settings describe} */
        public Host build() {
            return new Host(this);
        }
    }
}
