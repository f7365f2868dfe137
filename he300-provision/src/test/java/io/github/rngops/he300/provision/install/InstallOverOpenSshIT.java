package io.github.rngops.he300.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.provision.config.ConfigReader;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.ModelRegistry;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.plan.Host;
import io.github.rngops.he300.provision.plan.Plan;
import io.github.rngops.he300.provision.plan.PlanRunner;
import io.github.rngops.he300.provision.plan.Ports;
import io.github.rngops.he300.provision.plan.Recap;
import io.github.rngops.he300.provision.plan.StepResult.Status;
import io.github.rngops.he300.provision.ssh.Auth;
import io.github.rngops.he300.provision.ssh.HostKeyPolicy;
import io.github.rngops.he300.provision.ssh.OpenSshAgent;
import io.github.rngops.he300.provision.ssh.OpenSshServer;
import io.github.rngops.he300.provision.ssh.SshException;
import io.github.rngops.he300.provision.ssh.SshSession;
import io.github.rngops.he300.provision.ssh.TestKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./he300 install} against this machine through a real OpenSSH server on 127.0.0.1 ({@link OpenSshServer}):
 * the dry run of {@code --quick-start}, the idempotent stack-files step of a real run into a temporary root, the host
 * key policy on the install path, and hostile values that must stay values. Secrets never show in any output.
 */
class InstallOverOpenSshIT {
    static final String ENV_API_KEY = "env-api-key-IT-0123456789abcdefXYZ";
    private static final Pattern RECAP_ROW =
            Pattern.compile("(?m)^(\\S+)\\s+(ok|changed|skipped|failed|would change|not run)\\s+[0-9.]+ s");

    @TempDir
    static Path dir;
    private static OpenSshServer sshd;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    /** What an Installer run printed on out and err, and its exit code. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }

        Map<String, String> states() {
            Map<String, String> states = new LinkedHashMap<>();
            Matcher m = RECAP_ROW.matcher(out);
            while (m.find()) {
                states.put(m.group(1), m.group(2));
            }
            return states;
        }
    }

    static Request request(Request.Action action, Path known, boolean tofu, boolean dryRun, String argument,
            String root) {
        return new Request(action, Optional.of("127.0.0.1"), Optional.of(sshd.port()),
                Optional.of(System.getProperty("user.name")), Optional.of(sshd.clientKey()), Optional.of(known),
                tofu, false, Optional.empty(), true, false, dryRun, true, Optional.empty(),
                Optional.ofNullable(argument), Optional.empty(), false, false, root);
    }

    static Run install(Request request, Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Installer(request, env, new PrintWriter(out), new PrintWriter(err), () -> false).run();
        return new Run(code, out.toString(), err.toString());
    }

    static SshSession ssh() {
        return SshSession.open(sshd.target(), HostKeyPolicy.knownHosts(knownHosts), Auth.keyFile(sshd.clientKey()));
    }

    static List<String> secrets(InstallConfig config) {
        var s = config.security();
        List<String> all = new ArrayList<>();
        for (Secret secret : List.of(s.apiKey(), s.jwtSecret(), s.postgresPassword(), s.cirisnodeDbPassword(),
                s.ethicsengineDbPassword())) {
            all.add(secret.reveal());
        }
        return all;
    }

    /** The stack-files step alone, on this machine over SSH, writing under {@code root}. */
    static Recap stackFiles(SshSession ssh, InstallConfig base, Path root, StringBuilder out) {
        HostFacts facts = HostFactsProbe.gather(ssh);
        InstallConfig config = base.withProfile(base.registry().profile(facts.gpuProfile())
                .orElse(base.registry().cpuProfile()));
        Host host = Host.builder(ssh, facts, config).ports(Ports.over(ssh)).root(root.toString()).build();
        Plan plan = new Plan(List.of(Plan.install().step("stack-files").orElseThrow()));
        Recap recap = PlanRunner.create(line -> out.append(line).append('\n')).run(plan, host, PlanRunner.Mode.APPLY);
        out.append(recap.table());
        PlanRunner.report(recap).ifPresent(out::append);
        return recap;
    }

    static String sh(SshSession ssh, String program, String... args) {
        return ssh.runChecked(Command.of(program, args)).stdout().strip();
    }

    @Test
    void dryRunQuickStartOverSshListsThePlanAndShowsNoSecret() throws Exception {
        Path root = Files.createDirectories(dir.resolve("dry-root"));
        Map<String, String> env = Map.of("HE300_API_KEY", ENV_API_KEY);
        Run dry = install(request(Request.Action.INSTALL, knownHosts, false, true, null, root.toString()), env);

        assertThat(dry.code()).as(dry.all()).isZero();
        // 127.0.0.1 is "this machine" to people, but --host made it an SSH target: the config shows the key and port
        assertThat(dry.out()).contains("ssh_key: " + sshd.clientKey()).contains("port: " + sshd.port())
                .contains("== facts").contains("== plan (dry run: only read-only checks ran)")
                .contains("(dry run: nothing changed)");
        Map<String, String> states = dry.states();
        assertThat(states.keySet()).as(dry.out()).containsExactly("privileges", "docker", "driver", "toolkit",
                "runtime", "stack-files", "compose-up", "network", "models", "health", "benchmark");
        assertThat(states).containsEntry("privileges", Status.OK.label())
                .containsEntry("stack-files", Status.WOULD_CHANGE.label())
                .containsEntry("compose-up", Status.WOULD_CHANGE.label())
                .containsEntry("network", Status.SKIPPED.label())
                .containsEntry("benchmark", Status.SKIPPED.label());
        assertThat(states.get("docker")).isIn(Status.OK.label(), Status.WOULD_CHANGE.label());
        assertThat(states.get("models")).isIn(Status.OK.label(), Status.WOULD_CHANGE.label());
        assertThat(dry.out()).contains("would write /opt/he300/.env (0600, secret: content withheld")
                .contains("'" + root + "/opt/he300/.env' '0600'")
                .contains("Ollama on port 11434 does not answer yet");
        assertThat(dry.all()).doesNotContain(ENV_API_KEY);
        // the config printed in the dry run shows where each secret came from, masked
        assertThat(dry.out()).contains(Secret.MASK);
        try (Stream<Path> written = Files.list(root)) {
            assertThat(written).as("a dry run writes nothing").isEmpty();
        }
    }

    @Test
    void stackFilesStepIsIdempotentOverSshAndItsOutputHoldsNoSecret() throws Exception {
        Path root = Files.createDirectories(dir.resolve("apply-root"));
        InstallConfig config = ConfigReader.builder().environment(Map.of("HE300_API_KEY", ENV_API_KEY))
                .random(new SecureRandom()).build().quickStart(
                        ModelRegistry.ofDefaults().cpuProfile());
        List<String> secrets = secrets(config);
        assertThat(secrets).contains(ENV_API_KEY).hasSize(5).allMatch(s -> s.length() >= 16);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        Path env = root.resolve("opt/he300/.env");
        try (SshSession ssh = ssh()) {
            Recap one = stackFiles(ssh, config, root, first);
            assertThat(one.results()).as(first::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.CHANGED));
            assertThat(sh(ssh, "stat", "-c", "%a", env.toString())).isEqualTo("600");
            String content = Files.readString(env);
            for (String secret : secrets) {
                assertThat(content).as("the .env holds the secrets").contains(secret);
            }

            Recap two = stackFiles(ssh, config, root, second);
            assertThat(two.results()).as(second::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.OK));
            assertThat(sh(ssh, "stat", "-c", "%a", env.toString())).isEqualTo("600");
            assertThat(Files.readString(env)).isEqualTo(content);
            assertThat(sh(ssh, "ls", "-A", env.getParent().toString())).as("no backup of an unchanged .env")
                    .doesNotContain(".env.bak");
        }
        for (String secret : secrets) {
            assertThat(first.toString()).doesNotContain(secret);
            assertThat(second.toString()).doesNotContain(secret);
        }
    }

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprintAndTrustOnFirstUseRecordsIt() throws Exception {
        String fingerprint = TestKeys.fingerprint(sshd.hostPublicKey());
        Path fresh = dir.resolve("fresh_known_hosts");
        assertThatThrownBy(() -> install(request(Request.Action.FACTS, fresh, false, false, null, ""), Map.of()))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SshException.Reason.UNKNOWN_HOST_KEY);
                    assertThat(e.getMessage()).contains(fingerprint, "--trust-on-first-use");
                });
        assertThat(fresh).doesNotExist();

        Run tofu = install(request(Request.Action.FACTS, fresh, true, false, null, ""), Map.of());
        assertThat(tofu.code()).as(tofu.all()).isZero();
        assertThat(tofu.err()).contains(fingerprint);
        assertThat(tofu.out()).contains("kind:     ");
        assertThat(Files.readString(fresh).strip()).isEqualTo(sshd.knownHostsLine());

        Run pinned = install(request(Request.Action.FACTS, fresh, false, false, null, ""), Map.of());
        assertThat(pinned.code()).isZero();
        assertThat(pinned.err()).as("known now: no notice").doesNotContain(fingerprint);
    }

    @Test
    void withNoIdentityTheKeysOfTheAgentAtSshAuthSockLogIn() throws Exception {
        Request facts = new Request(Request.Action.FACTS, Optional.of("127.0.0.1"), Optional.of(sshd.port()),
                Optional.of(System.getProperty("user.name")), Optional.empty(), Optional.of(knownHosts), false, false,
                Optional.empty(), true, false, false, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                false, "");
        try (OpenSshAgent agent = OpenSshAgent.start(dir.resolve("agent"))) {
            agent.add(TestKeys.ed25519(Files.createDirectories(dir.resolve("agent-keys")), "unrelated"))
                    .add(sshd.clientKey());
            Run run = install(facts, Map.of("SSH_AUTH_SOCK", agent.socket().toString()));
            assertThat(run.code()).as(run.all()).isZero();
            assertThat(run.out()).contains("kind:     ");
        }
        if (Auth.defaultKeyFiles().isEmpty()) {   // no ~/.ssh/id_* here: without the agent there is no key at all
            assertThatThrownBy(() -> install(facts, Map.of()))
                    .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.getMessage())
                            .startsWith("no SSH key to authenticate").contains("--identity", "ssh-add"));
        }
    }

    @Test
    void hostileValuesStayValues() throws Exception {
        String marker = "he300-pwned-" + System.nanoTime();
        Path home = Path.of(System.getProperty("user.home"));
        Path absolute = dir.resolve(marker);
        String hostile = "x'\"; touch " + absolute + "; $(touch " + absolute + ") `touch " + absolute + "` '";
        List<Path> markers = List.of(absolute, home.resolve(marker), Path.of(marker).toAbsolutePath(), Path.of("/", marker),
                Path.of("/tmp", marker));

        // a model name: refused by the registry before anything runs
        assertThatThrownBy(() -> install(request(Request.Action.PULL_MODEL, knownHosts, false, false, hostile, ""),
                Map.of())).isInstanceOf(He300Exception.class);
        // a service name for --logs goes to docker as one quoted word (docker may be absent: the exit code may be 1)
        install(request(Request.Action.LOGS, knownHosts, false, false, hostile, ""), Map.of());
        // secrets with spaces, quotes, '$' or '\\' are refused by the config, naming the key and where it came from
        assertThatThrownBy(() -> ConfigReader.builder().environment(Map.of("HE300_POSTGRES_PASSWORD", hostile))
                .build().quickStart(ModelRegistry.ofDefaults().cpuProfile()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("security.postgres_password")
                .hasMessageContaining("HE300_POSTGRES_PASSWORD").hasMessageNotContaining(hostile);
        // what passes for the API key and JWT secret (';', '|', '&', '>', '(', '<') goes to the host as data, on stdin, in a real stack-files run
        // into a root whose path has quotes and substitutions
        String password = "pw;>" + absolute + "|>" + marker + "&(>" + marker + ")<" + marker + ";{>" + marker + "}";
        Path root = Files.createDirectories(dir.resolve("r o'ot $(touch " + marker + ") `touch " + marker + "`"));
        InstallConfig config = ConfigReader.builder().environment(Map.of("HE300_API_KEY", password + "-api",
                "HE300_JWT_SECRET", password + "-jwt"))
                .random(new SecureRandom()).build().quickStart(ModelRegistry.ofDefaults().cpuProfile());
        StringBuilder out = new StringBuilder();
        try (SshSession ssh = ssh()) {
            Recap recap = stackFiles(ssh, config, root, out);
            assertThat(recap.failure()).as(out::toString).isEmpty();
            assertThat(recap.results().get(0).status()).isEqualTo(Status.CHANGED);
        }
        assertThat(Files.readString(root.resolve("opt/he300/.env"))).contains(password + "-api")
                .contains(password + "-jwt");
        assertThat(out.toString()).doesNotContain(password);
        // the config refuses a stack directory that is not a plain path
        assertThatThrownBy(() -> ConfigReader.builder().environment(Map.of()).build().parse("install.yaml",
                "stack:\n  dir: \"/opt/he300 $(touch " + absolute + ")\"\n", dir)).hasMessageContaining("stack.dir");
        for (Path m : markers) {
            assertThat(m).as("no command was injected").doesNotExist();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.equals(marker));
        }
    }
}
