package io.github.rngops.he300.provision.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.provision.plan.FakeOllama;
import io.github.rngops.he300.provision.plan.FakePrograms;
import io.github.rngops.he300.provision.ssh.FakeHost;
import io.github.rngops.he300.provision.ssh.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets are created once: two {@code install} runs, each in its own JVM ({@link InstallProcess}), over real SSH to
 * a real OpenSSH server on 127.0.0.1 whose sessions see an Ubuntu A10 host (fake programs that keep state, files
 * under a root). The second run finds every step done and leaves {@code .env} byte for byte as it was, with no
 * backup; a secret given that differs from the host's is refused, naming the rotation. Rotation changes a real
 * PostgreSQL's roles (whose init is the generated {@code init.sql}) before {@code .env}, or is refused while
 * PostgreSQL does not answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsSurviveReinstallIT {
    private static final Pattern RECAP_ROW =
            Pattern.compile("(?m)^(\\S+)\\s+(ok|changed|skipped|failed|would change|not run)\\s+[0-9.]+ s");

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static FakeOllama ollama;
    static Path root;
    static Path knownHosts;
    static Path config;
    static LocalPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        Path host = Files.createDirectories(dir.resolve("host"));
        Map<String, String> env = FakePrograms.stateful(FakeHost.builder(host))
                .osRelease("ubuntu", "22.04", "Ubuntu 22.04 LTS")
                .program("nvidia-smi", "echo 'NVIDIA A10, 23028, 550.127.05'")
                .program("lspci", "echo '06:00.0 3D controller: NVIDIA Corporation GA102GL [A10] (rev a1)'")
                .prepare();
        root = Path.of(env.get("HE300_PROBE_ROOT"));
        postgres = LocalPostgres.create();   // started by the rotation test: first it is "not running"
        Map<String, String> sessions = new LinkedHashMap<>(env);
        sessions.put("HE300_PG_SOCKET", postgres.socketDir().toString());
        sessions.put("HE300_PG_PORT", String.valueOf(postgres.port()));
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")), sessions);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        ollama = new FakeOllama();
        config = dir.resolve("install.yaml");
        Files.writeString(config, "services:\n  ollama:\n    port: " + ollama.port() + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (ollama != null) {
            ollama.close();
        }
    }

    /** One {@code install} in a new JVM; what it printed and its exit code. */
    record Run(int code, String out, String err) {
        Map<String, String> states() {
            Map<String, String> states = new LinkedHashMap<>();
            Matcher m = RECAP_ROW.matcher(out);
            while (m.find()) {
                states.put(m.group(1), m.group(2));
            }
            return states;
        }

        String all() {
            return out + "\n--- stderr\n" + err;
        }
    }

    static Run install(Map<String, String> env, String... extra) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dslf4j.internal.verbosity=ERROR",
                InstallProcess.class.getName(), "127.0.0.1", String.valueOf(sshd.port()),
                System.getProperty("user.name"), sshd.clientKey().toString(), knownHosts.toString(),
                config.toString(), root.toString()));
        argv.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().keySet().removeIf(name -> name.startsWith("HE300_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("install did not end within 3 minutes: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static List<String> backups() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("opt/he300"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".env.bak")).toList();
        }
    }

    static Map<String, String> envValues(Path env) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(env)) {
            int eq = line.indexOf("='");
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
            }
        }
        return values;
    }

    @Test
    @Order(1)
    void aSecondInstallInAnotherProcessKeepsEverySecretAndChangesNothing() throws Exception {
        Run first = install(Map.of());
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.states()).as(first.all()).containsEntry("stack-files", "changed")
                .containsEntry("compose-up", "changed").containsEntry("models", "changed");
        Path env = root.resolve("opt/he300/.env");
        byte[] written = Files.readAllBytes(env);
        String secrets = new String(written, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(secrets).contains("HE300_API_KEY='", "CIRISNODE_DB_PASSWORD='");
        long modified = Files.getLastModifiedTime(env).toMillis();

        Run second = install(Map.of());
        assertThat(second.code()).as(second.all()).isZero();
        assertThat(second.states()).as(second.all()).hasSize(11);
        assertThat(second.states().values()).as(second.all()).containsOnly("ok", "skipped");
        assertThat(second.states()).containsEntry("stack-files", "ok").containsEntry("compose-up", "ok")
                .containsEntry("models", "ok");
        assertThat(Files.readAllBytes(env)).as(".env byte-identical after the second run").isEqualTo(written);
        assertThat(Files.getLastModifiedTime(env).toMillis()).as(".env not rewritten").isEqualTo(modified);
        assertThat(backups()).as("no backup churn").isEmpty();
        for (String line : secrets.lines().filter(l -> l.contains("='")).toList()) {
            String value = line.substring(line.indexOf("='") + 2, line.length() - 1);
            assertThat(first.all() + second.all()).as("a secret printed").doesNotContain(value);
        }

        // a secret given that differs from the host's: refused with the way to rotate; nothing written
        Run conflicting = install(Map.of("HE300_CIRISNODE_DB_PASSWORD", "another-password-0123456789"));
        assertThat(conflicting.code()).as(conflicting.all()).isEqualTo(2);
        assertThat(conflicting.err()).contains("security.cirisnode_db_password (env HE300_CIRISNODE_DB_PASSWORD)"
                + " differs from the secret the stack on the host was installed with")
                .contains("--rotate-secrets cirisnode_db_password").doesNotContain("another-password");
        assertThat(Files.readAllBytes(env)).isEqualTo(written);
        // the same value as the host's is no conflict
        String apiKey = secrets.lines().filter(l -> l.startsWith("HE300_API_KEY=")).findFirst().orElseThrow();
        Run same = install(Map.of("HE300_API_KEY", apiKey.substring("HE300_API_KEY='".length(), apiKey.length() - 1)));
        assertThat(same.code()).as(same.all()).isZero();
        assertThat(same.states()).containsEntry("stack-files", "ok");
        assertThat(Files.readAllBytes(env)).isEqualTo(written);
    }

    @Test
    @Order(2)
    void rotationChangesTheDatabaseRoleBeforeEnvOrIsRefused() throws Exception {
        Path env = root.resolve("opt/he300/.env");
        if (!Files.exists(env)) {
            assertThat(install(Map.of()).code()).isZero();
        }
        byte[] before = Files.readAllBytes(env);
        Map<String, String> old = envValues(env);

        // PostgreSQL not running: refused, nothing changed
        Run refused = install(Map.of(), "--rotate-secrets", "api_key,cirisnode_db_password");
        assertThat(refused.code()).as(refused.all()).isEqualTo(1);
        assertThat(refused.err()).contains("rotate: refused: PostgreSQL did not take the new passwords, so nothing"
                + " was changed");
        assertThat(Files.readAllBytes(env)).isEqualTo(before);
        assertThat(backups()).isEmpty();

        // the stack's database as init.sql creates it on PostgreSQL's first start, from .env's passwords
        postgres.start();
        postgres.psql(old, "-f", root.resolve("opt/he300/init.sql").toString());
        assertThat(postgres.logsIn("cirisnode", old.get("CIRISNODE_DB_PASSWORD"))).isTrue();
        assertThat(postgres.logsIn("ethicsengine", old.get("ETHICSENGINE_DB_PASSWORD"))).isTrue();

        Run rotated = install(Map.of(), "--rotate-secrets", "api_key,cirisnode_db_password");
        assertThat(rotated.code()).as(rotated.all()).isZero();
        assertThat(rotated.out()).contains("rotated api_key, cirisnode_db_password (PostgreSQL roles changed)");
        Map<String, String> now = envValues(env);
        assertThat(now.get("HE300_API_KEY")).isNotEqualTo(old.get("HE300_API_KEY")).hasSize(43);
        assertThat(now.get("CIRISNODE_DB_PASSWORD")).isNotEqualTo(old.get("CIRISNODE_DB_PASSWORD"));
        assertThat(now.get("ETHICSENGINE_DB_PASSWORD")).isEqualTo(old.get("ETHICSENGINE_DB_PASSWORD"));
        assertThat(now.get("HE300_JWT_SECRET")).isEqualTo(old.get("HE300_JWT_SECRET"));
        assertThat(postgres.logsIn("cirisnode", now.get("CIRISNODE_DB_PASSWORD"))).as("the new password").isTrue();
        assertThat(postgres.logsIn("cirisnode", old.get("CIRISNODE_DB_PASSWORD"))).as("the old one").isFalse();
        assertThat(postgres.logsIn("ethicsengine", old.get("ETHICSENGINE_DB_PASSWORD"))).isTrue();
        assertThat(backups()).as("the previous .env kept").hasSize(1);
        assertThat(Files.readAllBytes(root.resolve("opt/he300/" + backups().get(0)))).isEqualTo(before);
        assertThat(Files.readString(root.resolve("state/log"))).as("the stack recreated").contains("up -d");
        for (String value : List.of(now.get("HE300_API_KEY"), now.get("CIRISNODE_DB_PASSWORD"),
                old.get("CIRISNODE_DB_PASSWORD"))) {
            assertThat(rotated.all() + refused.all()).doesNotContain(value);
        }

        // and the next install keeps the rotated secrets
        Run again = install(Map.of());
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.states().values()).as(again.all()).containsOnly("ok", "skipped");
        assertThat(envValues(env)).isEqualTo(now);
    }
}
