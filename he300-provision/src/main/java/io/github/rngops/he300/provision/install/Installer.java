package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.client.ollama.LocalModel;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.provision.config.ConfigReader;
import io.github.rngops.he300.provision.config.GpuProfile;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.ModelPull;
import io.github.rngops.he300.provision.config.ModelRegistry;
import io.github.rngops.he300.provision.config.ModelSpec;
import io.github.rngops.he300.provision.config.Models;
import io.github.rngops.he300.provision.config.Target;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.plan.Host;
import io.github.rngops.he300.provision.plan.Plan;
import io.github.rngops.he300.provision.plan.PlanListener;
import io.github.rngops.he300.provision.plan.PlanRunner;
import io.github.rngops.he300.provision.plan.Ports;
import io.github.rngops.he300.provision.plan.Recap;
import io.github.rngops.he300.provision.plan.StepResult;
import io.github.rngops.he300.provision.ssh.Auth;
import io.github.rngops.he300.provision.ssh.HostKeyPolicy;
import io.github.rngops.he300.provision.ssh.SshException;
import io.github.rngops.he300.provision.ssh.SshSession;
import io.github.rngops.he300.provision.ssh.SshTarget;
import io.github.rngops.he300.provision.stack.StackFile;
import io.github.rngops.he300.provision.stack.StackFiles;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * {@code ./he300 install} and {@code ./he300 uninstall} from a {@link Request} to an exit code: 0 done, 1 a step
 * failed or stopped (a reboot to do), 2 bad usage or configuration ({@link He300Exception}s, which the script's
 * {@code Cli.run} maps, a {@link io.github.rngops.he300.core.config.ConfigException} with file:line:col).
 */
public final class Installer {
    private final Request request;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BooleanSupplier confirm;

    /**
     * Prepares a run; nothing is read, connected or changed until {@link #run()}.
     *
     * @param request what was asked, as the flags say
     * @param env the environment: {@code HE300_*} secrets, {@code HE300_SSH_KEY_PASSPHRASE}; copied
     * @param out where the plan's progress, the recap and command output go
     * @param err where warnings, refusals and failure reports go
     * @param confirm asked before changing a remote host without {@code --yes} (the script asks on a terminal)
     */
    public Installer(Request request, Map<String, String> env, PrintWriter out, PrintWriter err,
            BooleanSupplier confirm) {
        this.request = Objects.requireNonNull(request, "request");
        this.env = Map.copyOf(env);
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.confirm = Objects.requireNonNull(confirm, "confirm");
    }

    /**
     * Does what the request asks: reads the config, connects (SSH, or this machine for {@code --local}), gathers the
     * host's facts, then runs the install plan or the stack command. An install changes only what its checks find
     * missing, so running it again changes nothing; {@code --dry-run} changes nothing at all. Secrets already in the
     * host's {@code .env} are kept unless rotated.
     *
     * @return 0 done, 1 a step failed or stopped (a reboot to do) or the host refused a stack command
     * @throws He300Exception for bad usage or configuration, with what to fix (a
     *     {@link io.github.rngops.he300.core.config.ConfigException} with file:line:col); exit code 2 in the script
     * @throws io.github.rngops.he300.provision.ssh.SshException if the host cannot be reached, trusted or
     *     authenticated to
     */
    public int run() {
        InstallConfig base = request.config().map(file -> reader().read(file)).orElse(null);
        if (request.action() == Request.Action.SET_MODEL || request.action() == Request.Action.PULL_MODEL) {
            request.argument().ifPresent(model -> (base != null ? base.registry() : ModelRegistry.ofDefaults())
                    .require(modelFlag(), model)); // before connecting: a typo costs no SSH session
        }
        Target target = target(base);
        try (Connection connection = Connection.open(target, request, env, err)) {
            HostFacts facts = HostFactsProbe.gather(connection.runner());
            if (request.action() == Request.Action.FACTS) {
                out.println(request.json() ? facts.toJson() : describe(facts, target));
                out.flush();
                return 0;
            }
            InstallConfig resolved = resolve(base, facts, target);
            Optional<HostSecrets> onHost = HostSecrets.read(connection.runner(),
                    HostSecrets.envPath(resolved, request.root()));
            if (request.action() == Request.Action.ROTATE_SECRETS) {
                return rotate(connection, facts, resolved, onHost, target);
            }
            boolean writes = request.action() == Request.Action.INSTALL
                    || request.action() == Request.Action.SET_MODEL;
            InstallConfig config = onHost.map(secrets -> secrets.keep(resolved, writes)).orElse(resolved);
            Host host = host(connection, facts, config).build();
            return switch (request.action()) {
                case INSTALL, SET_MODEL -> install(host, target);
                case STATUS -> stack(host, List.of(compose(host, "ps", "--all")), List.of());
                case RESTART -> stack(host, List.of(compose(host, "restart")), List.of());
                case LOGS -> stack(host, List.of(compose(host, concat(List.of("logs", "--no-color", "--tail", "200"),
                        request.argument().map(List::of).orElse(List.of())))), List.of());
                case UPDATE -> stack(host, List.of(compose(host, "pull", "--ignore-buildable"), compose(host, "up", "-d",
                        "--remove-orphans")), List.of());
                case PULL_MODEL, LIST_MODELS -> models(host, connection);
                case UNINSTALL -> uninstall(host, target);
                case FACTS, ROTATE_SECRETS -> throw new IllegalStateException("handled above");
            };
        }
    }

    private ConfigReader reader() {
        return ConfigReader.builder().environment(env).build();
    }

    private Target target(InstallConfig base) {
        Target fromConfig = base != null ? base.target() : Target.local();
        if (request.local()) {
            return Target.local();
        }
        if (request.host().isEmpty() && fromConfig.isLocal()) {
            return fromConfig;
        }
        return new Target(request.host().orElse(fromConfig.host()), request.port().orElse(fromConfig.port()),
                request.user().orElse(fromConfig.user()),
                request.identity().map(Path::toString).or(fromConfig::sshKey),
                request.knownHosts().map(Path::toString).or(fromConfig::knownHosts));
    }

    private InstallConfig resolve(InstallConfig base, HostFacts facts, Target target) {
        ModelRegistry registry = base != null ? base.registry() : ModelRegistry.ofDefaults();
        GpuProfile detected = registry.profile(facts.gpuProfile()).orElse(registry.cpuProfile());
        InstallConfig config;
        if (base != null) {
            config = base.profile().isPresent() ? base : base.withProfile(detected);
        } else if (request.quickStart() || request.action() != Request.Action.INSTALL) {
            config = reader().quickStart(detected);
        } else {
            throw new He300Exception("install needs --config FILE or --quick-start (defaults for the "
                    + detected.name() + " profile detected on " + target.host() + ")");
        }
        config = config.withTarget(target);
        if (request.action() == Request.Action.SET_MODEL || request.action() == Request.Action.PULL_MODEL) {
            String model = request.argument().orElseThrow(() -> new He300Exception("a model name is needed"));
            ModelPull pull = config.registry().pull(modelFlag(), model, request.quantization()
                    .orElse(config.models().quantization().toString()));
            if (request.action() == Request.Action.SET_MODEL) {
                config = new InstallConfig(config.source(), config.target(), config.os(), config.gpu(),
                        new Models(pull, config.models().pulls(), pull.quantization()), config.network(),
                        config.services(), config.security(), config.stack(), config.registry(), config.profile());
            } else {
                config = new InstallConfig(config.source(), config.target(), config.os(), config.gpu(),
                        new Models(pull, List.of(), pull.quantization()), config.network(), config.services(),
                        config.security(), config.stack(), config.registry(), config.profile());
            }
        }
        return config;
    }

    private String modelFlag() {
        return request.action() == Request.Action.SET_MODEL ? "--set-model" : "--pull-model";
    }

    private Host.Builder host(Connection connection, HostFacts facts, InstallConfig config) {
        Host.Builder builder = Host.builder(connection.runner(), facts, config).ports(connection.ports())
                .root(request.root());
        if (request.benchmark()) {
            builder.benchmark(new He300Quick(env));
        }
        return builder;
    }

    private int rotate(Connection connection, HostFacts facts, InstallConfig config, Optional<HostSecrets> onHost,
            Target target) {
        SecretRotation rotation = SecretRotation.parse(request.argument().orElse(""));
        if (onHost.isEmpty()) {
            err.println("rotate: refused: " + HostSecrets.envPath(config, request.root()) + " does not exist on the"
                    + " host, so there is nothing to rotate: install the stack first");
            err.flush();
            return 1;
        }
        if (!request.dryRun() && !target.isLocal() && !request.yes() && !confirm.getAsBoolean()) {
            err.println("rotate: not confirmed; nothing changed (--yes to skip the question)");
            err.flush();
            return 1;
        }
        SecureRandom random = new SecureRandom();
        Host.Builder builder = host(connection, facts, rotation.rotated(config, onHost.get(), random));
        onHost.get().values().values().forEach(old -> builder.secret(old.reveal()));
        return rotation.run(builder.build(), random, request.dryRun(), out, err);
    }

    private int install(Host host, Target target) {
        HostFacts facts = host.facts();
        out.println("he300 install: " + (target.isLocal() ? "this machine" : target.user() + "@" + target.host()
                + ":" + target.port()) + " — " + facts.kind() + ", " + facts.os().prettyName() + ", profile "
                + host.config().profile().orElseThrow().name() + ", model "
                + host.config().models().defaultPull().tag());
        if (request.dryRun()) {
            out.println("== facts");
            out.println(describe(facts, target));
            out.println("== config (" + host.config().source() + ")");
            out.print(host.config().describe());
            out.println("== plan (dry run: only read-only checks ran)");
        } else if (!target.isLocal() && !request.yes() && !confirm.getAsBoolean()) {
            err.println("install: not confirmed; nothing changed (--yes to skip the question)");
            err.flush();
            return 1;
        }
        out.flush();
        Plan plan = request.fromStep().map(Plan.install()::from).orElse(Plan.install());
        PlanListener listener = new PlanListener() {
            @Override
            public void line(String text) {
                out.println(text);
                out.flush();
            }

            @Override
            public void stepStarted(String step) {
                out.println("-- " + step);
            }

            @Override
            public void stepEnded(StepResult result) {
                out.println("   " + result.status().label() + (result.detail().isEmpty() ? "" : ": " + result.detail()));
            }
        };
        Recap recap = PlanRunner.create(listener).run(plan, host,
                request.dryRun() ? PlanRunner.Mode.DRY_RUN : PlanRunner.Mode.APPLY);
        out.println();
        out.print(recap.table());
        out.flush();
        PlanRunner.report(recap).ifPresent(report -> {
            err.print(report);
            err.flush();
        });
        return recap.succeeded() ? 0 : 1;
    }

    private int stack(Host host, List<Command> commands, List<Command> quiet) {
        Optional<String> missing = request.dryRun() ? Optional.empty() : composeMissing(host);
        if (missing.isPresent()) {
            err.println("install: " + missing.get());
            err.flush();
            return 1;
        }
        for (Command command : commands) {
            if (request.dryRun()) {
                out.println("would run: " + host.mask(command.displayLine()));
                continue;
            }
            CommandResult result = host.look(command);
            out.print(host.mask(result.stdout()));
            err.print(host.mask(result.stderr()));
            out.flush();
            err.flush();
            if (!result.ok()) {
                err.println("failed: " + host.mask(command.displayLine()) + " exited with " + result.exitCode());
                err.flush();
                return 1;
            }
        }
        for (Command command : quiet) {
            host.look(command);
        }
        return 0;
    }

    /** What keeps {@code docker compose} from running on the host, said so, instead of docker's usage text. */
    static Optional<String> composeMissing(Host host) {
        HostFacts.Docker docker = host.facts().docker();
        Target target = host.config().target();
        String where = target.isLocal() ? "this machine" : target.host();
        if (docker.composeVersion().isEmpty()) {
            return Optional.of("the docker compose plugin is missing on " + where + ": install it (the"
                    + " docker-compose-plugin package from Docker's apt repository), or run ./he300 install, which"
                    + " sets up Docker and compose");
        }
        if (!docker.running()) {
            return Optional.of("Docker is not running on " + where + ": start it (sudo systemctl start docker)");
        }
        return Optional.empty();
    }

    private int models(Host host, Connection connection) {
        int port = host.config().services().ollama().port();
        Set<String> present = new TreeSet<>();
        String reach = "";
        if (!request.dryRun()) {
            try (Ports.Endpoint endpoint = connection.ports().open(port);
                    OllamaClient ollama = OllamaClient.builder().baseUrl(endpoint.url()).build()) {
                for (LocalModel model : ollama.tags()) {
                    present.add(model.name());
                }
                if (request.action() == Request.Action.PULL_MODEL) {
                    String tag = host.config().models().defaultPull().tag().toString();
                    if (present.contains(tag)) {
                        out.println(tag + ": already on the host");
                    } else {
                        out.println("pulling " + tag);
                        ollama.pull(tag, progress -> out.println("  " + progress.status()
                                + progress.fraction().stream().mapToObj(f -> String.format(" %.0f%%", f * 100))
                                .findFirst().orElse("")));
                    }
                    out.flush();
                    return 0;
                }
            } catch (He300Exception e) {
                if (request.action() == Request.Action.PULL_MODEL) {
                    throw e;
                }
                reach = " (Ollama on the host did not answer: " + e.getMessage() + ")";
            }
        }
        if (request.action() == Request.Action.PULL_MODEL) {
            out.println("would pull " + host.config().models().defaultPull().tag() + " through 127.0.0.1:" + port);
            return 0;
        }
        out.println(String.format("%-24s %-8s %-36s %s", "model", "quant", "ollama tag", "on host" + reach));
        for (Map.Entry<String, ModelSpec> model : host.config().registry().models().entrySet()) {
            model.getValue().quantizations().forEach((quantization, tag) -> out.println(String.format(
                    "%-24s %-8s %-36s %s", model.getKey(), quantization, tag, present.contains(tag.toString())
                            ? "yes" : "")));
        }
        out.flush();
        return 0;
    }

    private int uninstall(Host host, Target target) {
        List<Command> commands = new ArrayList<>();
        if (host.systemd()) {
            commands.add(root("systemctl", "disable", "--now", "he300-health.timer", "he300-stack.service"));
        }
        commands.add(compose(host, "down", "--remove-orphans"));
        List<String> volumes = new ArrayList<>(List.of("he300-redis-data", "he300-postgres-data"));
        if (request.purgeModels()) {
            volumes.add(StackFiles.MODEL_VOLUME);
        }
        commands.add(Command.builder("docker").args("volume", "rm", "-f").args(volumes).sudo(true).build());
        List<String> paths = host.stackFiles().stream().map(StackFile::path).map(host::path).toList();
        commands.add(Command.builder("rm").args("-f", "--").args(paths).sudo(true).build());
        if (!request.dryRun() && !target.isLocal() && !request.yes() && !confirm.getAsBoolean()) {
            err.println("uninstall: not confirmed; nothing changed");
            err.flush();
            return 1;
        }
        if (!request.purgeModels()) {
            out.println("keeping the model volume " + StackFiles.MODEL_VOLUME + " (--purge-models removes it)");
        }
        int code = 0;
        for (Command command : commands) {
            out.println((request.dryRun() ? "would run: " : "$ ") + host.mask(command.displayLine()));
            if (!request.dryRun()) {
                CommandResult result = host.look(command);
                if (!result.ok()) {
                    err.println("  exited with " + result.exitCode() + ": " + host.mask(result.stderr().strip()));
                    code = 1;
                }
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    static Command compose(Host host, String... args) {
        return compose(host, List.of(args));
    }

    private static Command compose(Host host, List<String> args) {
        return Command.builder("docker").args("compose", "-p", host.config().stack().project(), "-f",
                host.path(host.files().composeFile().path())).args(args).sudo(true).build();
    }

    private static Command root(String program, String... args) {
        return Command.builder(program).args(args).sudo(true).build();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The facts as a few lines for people. */
    static String describe(HostFacts facts, Target target) {
        StringBuilder out = new StringBuilder();
        out.append("host:     ").append(target.isLocal() ? "this machine" : target.host()).append(" (")
                .append(facts.user()).append(", ").append(facts.privilege()).append(")\n");
        out.append("kind:     ").append(facts.kind()).append(" — ").append(facts.os().prettyName()).append(", ")
                .append(facts.os().arch()).append('\n');
        out.append("gpu:      ").append(facts.nvidia().state());
        facts.nvidia().gpus().forEach(g -> out.append(", ").append(g.name()).append(' ').append(g.memoryMiB())
                .append(" MiB driver ").append(g.driverVersion()));
        if (!facts.appleChip().isEmpty()) {
            out.append(", ").append(facts.appleChip());
        }
        out.append(" → profile ").append(facts.gpuProfile()).append('\n');
        var docker = facts.docker();
        out.append("docker:   ").append(docker.running() ? docker.serverVersion() : "not running")
                .append(", compose ").append(docker.composeVersion().isEmpty() ? "-" : docker.composeVersion())
                .append(", runtimes ").append(docker.runtimes()).append(", toolkit ")
                .append(docker.toolkitInstalled() ? docker.toolkitVersion() + docker.nvidiaCtkVersion() : "-")
                .append('\n');
        out.append("lambda:   ").append(facts.lambdaSignals().isEmpty() ? "-" : String.join("; ",
                facts.lambdaSignals())).append('\n');
        out.append(String.format("resources: %d CPUs, %.1f GiB memory, %.1f GiB free on %s%n", facts.cpus(),
                facts.memoryBytes() / 1073741824.0, facts.diskAvailableBytes() / 1073741824.0, facts.diskPath()));
        out.append("reboot:   ").append(facts.needsReboot() ? "needed" : "not needed");
        return out.toString();
    }

    /** The runner and the way to the host's ports: SSH, or this machine. */
    record Connection(CommandRunner runner, Ports ports, AutoCloseable closer) implements AutoCloseable {
        static Connection open(Target target, Request request, Map<String, String> env, PrintWriter err) {
            if (target.isLocal() && request.host().isEmpty()) {
                return new Connection(LocalRunner.create(), Ports.local(), () -> { });
            }
            Path knownHosts = target.knownHosts().map(Installer::expand).orElse(HostKeyPolicy.defaultKnownHosts());
            HostKeyPolicy policy = request.trustOnFirstUse()
                    ? HostKeyPolicy.trustOnFirstUse(knownHosts, notice -> {
                        err.println("install: " + notice);
                        err.flush();
                    })
                    : HostKeyPolicy.knownHosts(knownHosts);
            List<Auth> auths = auths(target, env);
            SshTarget sshTarget = SshTarget.of(target.user(), target.host(), target.port());
            try {
                InetAddress.getAllByName(sshTarget.host()); // a name that does not resolve is said so, keys or not
            } catch (UnknownHostException e) {
                throw SshException.cannotResolve(sshTarget, e);
            }
            SshSession ssh = SshSession.open(sshTarget, policy, auths);
            return new Connection(ssh, Ports.over(ssh), ssh);
        }

        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                throw new He300Exception("closing the connection: " + e.getMessage(), e);
            }
        }
    }

    /**
     * As OpenSSH: with no key given, the keys of the agent at {@code $SSH_AUTH_SOCK} (of {@code env}), then the
     * default key files; with a key given, that key only, signed by the agent if it holds it ({@code IdentitiesOnly
     * yes}), else read from its file.
     */
    static List<Auth> auths(Target target, Map<String, String> env) {
        boolean passphrase = System.getenv(SshException.PASSPHRASE_VARIABLE) != null;
        List<Auth> files = target.sshKey().map(key -> List.of(Auth.keyFile(expand(key))))
                .orElseGet(Auth::defaultKeyFiles).stream()
                .map(auth -> passphrase && auth instanceof Auth.KeyFile key
                        ? Auth.keyFile(key.path(), SshException.PASSPHRASE_VARIABLE) : auth)
                .toList();
        List<Auth> auths = new ArrayList<>();
        Optional.ofNullable(env.get(Auth.AGENT_SOCKET_VARIABLE)).filter(socket -> !socket.isBlank()).map(Path::of)
                .map(target.sshKey().isPresent() ? Auth::agentForKeyFiles : Auth::agent).ifPresent(auths::add);
        auths.addAll(files);
        return List.copyOf(auths);
    }

    static Path expand(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }
}
