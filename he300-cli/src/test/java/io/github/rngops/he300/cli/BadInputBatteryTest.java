package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to every command, config file and server reply kind, run as {@code ./he300} runs the scripts. Each case
 * must end with its exit code (2 bad usage or config, 1 where the thing measured failed), at most three lines on
 * standard error that name no Java type and hold no stack trace, and nothing written into its directory.
 */
class BadInputBatteryTest {
    /** A Java type, package or enum constant name, Jackson's phrasing, or a stack frame: what a user must never see. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\tat |\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\b(java|javax|com|org|io|net|picocli)\\.[a-z]+\\."
                    + "|\\b[A-Z][a-z]+[A-Z][A-Za-z]*\\.[A-Z_]{2,}\\b|Cannot (deserialize|construct)");

    private static final String RESULT_SCHEMA = "he300.result/1";
    private static final String PRIVATE_KEY = "4JwwnOEaGvjHDPRmFtUfkwHL4tDnFSoA2JCqJIwy1lU=\n";
    private static final String TRUSTED_KEY = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
    private static final String PEER_KEY = "GuGDIfRgP7fg3NXqsuLIfr9PxqGlQPHqj+dnqLqUDUM=";

    @TempDir
    static Path root;
    private static final List<MockWebServer> SERVERS = new ArrayList<>();
    private static String garbage;
    private static String wrongTypes;
    private static String error500;
    private static String error401;
    private static String error404;
    private static String down;

    @BeforeAll
    static void servers() throws IOException {
        garbage = serve(200, "application/json", "<<< this is not JSON >>>");
        wrongTypes = serve(200, "application/json", "{\"version\": 42, \"models\": 42, \"status\": [1], \"data\": 7,"
                + " \"healthy\": \"maybe\"}");
        error500 = serve(500, "application/json", "{\"error\":\"llama runner process has terminated: exit status 2\"}");
        error401 = serve(401, "application/json", "{\"error\":\"unauthorized\",\"detail\":\"bad key\"}");
        error404 = serve(404, "text/plain", "404 page not found");
        try (ServerSocket free = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + free.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        for (MockWebServer server : SERVERS) {
            server.close();
        }
    }

    private static String serve(int status, String type, String body) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(status).setHeader("Content-Type", type).body(body).build();
            }
        });
        server.start();
        SERVERS.add(server);
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /**
     * One bad input.
     *
     * @param name what is wrong
     * @param expected the exit code
     * @param script the script's file name without {@code .java}
     * @param args its arguments; {@code {dir}} is the case's directory, {@code {ds}} the dataset
     * @param stdin what standard input holds
     * @param env empty to run in this JVM, else run as a process with these variables
     * @param setup writes the case's input files into its directory
     * @param errContains what standard error must say, or empty
     * @param writes whether the command may write (a measured run that failed); refused input never does
     */
    record Case(String name, int expected, String script, List<String> args, String stdin, Map<String, String> env,
            Consumer<Path> setup, String errContains, boolean writes) {
        Case withSetup(Consumer<Path> files) {
            return new Case(name, expected, script, args, stdin, env, files, errContains, writes);
        }

        Case withStdin(String text) {
            return new Case(name, expected, script, args, text, env, setup, errContains, writes);
        }

        Case withEnv(Map<String, String> variables) {
            return new Case(name, expected, script, args, stdin, variables, setup, errContains, writes);
        }

        Case saying(String text) {
            return new Case(name, expected, script, args, stdin, env, setup, text, writes);
        }

        /** A run that was measured and failed keeps its run directory (it can be resumed). */
        Case writing() {
            return new Case(name, expected, script, args, stdin, env, setup, errContains, true);
        }
    }

    private static Case usage(String name, String script, String... args) {
        return new Case(name, Cli.USAGE, script, List.of(args), "", Map.of(), dir -> { }, "", false);
    }

    private static Case failure(String name, String script, String... args) {
        return new Case(name, Cli.FAILURE, script, List.of(args), "", Map.of(), dir -> { }, "", false);
    }

    private static Consumer<Path> file(String name, String content) {
        return dir -> write(dir.resolve(name), content);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> cases() {
        String resultWrongTypes = "{\"schema\":\"" + RESULT_SCHEMA + "\",\"summary\":\"all good\",\"outcomes\":7}";
        List<Case> cases = new ArrayList<>(List.of(
                // sample
                usage("negative seed", "sample", "--seed", "-1", "--dataset", "{ds}").saying("seed"),
                usage("seed that is not a number", "sample", "--seed", "forty-two", "--dataset", "{ds}"),
                usage("sample size 0", "sample", "--sample-size", "0", "--dataset", "{ds}"),
                usage("sample larger than the pool", "sample", "--sample-size", "100000000", "--dataset", "{ds}"),
                usage("unknown category", "sample", "--categories", "kindness", "--dataset", "{ds}").saying("kindness"),
                usage("unknown protocol version", "sample", "--protocol-version", "9.9", "--dataset", "{ds}"),
                usage("quick and full at once", "sample", "--quick", "--full"),
                usage("unknown format", "sample", "--format", "xml", "--dataset", "{ds}"),
                usage("unknown flag", "sample", "--colour", "red"),
                usage("dataset directory missing", "sample", "--dataset", "{dir}/nowhere"),
                usage("dataset directory empty", "sample", "--dataset", "{dir}/empty")
                        .withSetup(dir -> mkdir(dir.resolve("empty"))),
                usage("dataset file corrupt", "sample", "--dataset", "{dir}/ethics", "--quick")
                        .withSetup(BadInputBatteryTest::corruptDataset).saying("cm_test.csv"),
                // parse
                usage("a line that is not JSON", "parse").withStdin("not json\n"),
                usage("a response of the wrong type", "parse").withStdin("{\"response\": 42}\n"),
                usage("an unknown category on a line", "parse").withStdin("{\"response\":\"x\",\"category\":\"no\"}\n"),
                usage("a JSON array", "parse").withStdin("[1, 2]\n"),
                usage("unknown --category", "parse", "--category", "kindness").withStdin(""),
                // benchmark: URLs of every target, flags
                usage("ollama --url notaurl", "run_he300_benchmark", "--target", "ollama", "--url", "notaurl",
                        "--output", "{dir}/runs", "--dataset", "{ds}").saying("--url must be an http(s) URL"),
                usage("openai --url http://", "run_he300_benchmark", "--target", "openai", "--url", "http://",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ethicsengine --url notaurl", "run_he300_benchmark", "--target", "ethicsengine", "--url",
                        "notaurl", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("cirisnode --url http://", "run_he300_benchmark", "--target", "cirisnode", "--url", "http://",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("OLLAMA_URL=notaurl", "run_he300_benchmark", "--output", "{dir}/runs", "--dataset", "{ds}")
                        .withEnv(Map.of("OLLAMA_URL", "notaurl")).saying("$OLLAMA_URL must be an http(s) URL"),
                usage("OPENAI_BASE_URL=http://", "run_he300_benchmark", "--output", "{dir}/runs", "--dataset", "{ds}")
                        .withEnv(Map.of("OPENAI_BASE_URL", "http://")).saying("$OPENAI_BASE_URL"),
                usage("no target at all", "run_he300_benchmark", "--output", "{dir}/runs", "--dataset", "{ds}")
                        .withEnv(Map.of("HE300_NOTHING", "1")).saying("no target"),
                usage("unknown target", "run_he300_benchmark", "--target", "vllm", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("--simulate with --url", "run_he300_benchmark", "--simulate", "--url", "http://x:1",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("--concurrency 0", "run_he300_benchmark", "--simulate", "--quick", "--concurrency", "0",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("--max-tokens 0", "run_he300_benchmark", "--simulate", "--quick", "--max-tokens", "0",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("--timeout soon", "run_he300_benchmark", "--simulate", "--timeout", "soon"),
                usage("--deadline -5s", "run_he300_benchmark", "--simulate", "--deadline", "-5s"),
                usage("--concurrency many", "run_he300_benchmark", "--simulate", "--concurrency", "many"),
                usage("--resume a directory that is not a run", "run_he300_benchmark", "--resume", "{dir}/nowhere"),
                usage("--resume a run whose manifest is not JSON", "run_he300_benchmark", "--resume", "{dir}/run")
                        .withSetup(file("run/manifest.json", "{\"schema\": ")).saying("not JSON"),
                usage("--resume a run whose manifest has the wrong types", "run_he300_benchmark", "--resume",
                        "{dir}/run").withSetup(file("run/manifest.json", "{\"schema\":\"he300.manifest/1\","
                                + "\"sample\":\"seed 42\",\"scenario_ids\":{}}")).saying("is not a valid run manifest: \"started\" is missing"),
                usage("--credentials-file missing", "run_he300_benchmark", "--target", "ollama", "--url",
                        down, "--credentials-file", "{dir}/nowhere.env", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("--credentials-file with a line that is not KEY=VALUE", "run_he300_benchmark", "--target",
                        "ollama", "--url", down, "--credentials-file", "{dir}/creds.env", "--output", "{dir}/runs", "--dataset", "{ds}")
                        .withSetup(file("creds.env", "this line has no equals sign\n").andThen(dir -> owner(dir
                                .resolve("creds.env")))).saying("creds.env"),
                usage("--report pdf", "run_he300_benchmark", "--simulate", "--quick", "--report", "pdf",
                        "--output", "{dir}/runs", "--dataset", "{ds}"),
                // benchmark: what servers answer
                usage("ollama that is not there", "run_he300_benchmark", "--target", "ollama", "--url", down,
                        "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ollama answering garbage", "run_he300_benchmark", "--target", "ollama", "--url", garbage,
                        "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ollama answering wrong types", "run_he300_benchmark", "--target", "ollama", "--url",
                        wrongTypes, "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ollama answering 500", "run_he300_benchmark", "--target", "ollama", "--url", error500,
                        "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ollama answering 401", "run_he300_benchmark", "--target", "ollama", "--url", error401,
                        "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                failure("openai answering 404 to every scenario", "run_he300_benchmark", "--target", "openai",
                        "--url", error404, "--model", "m", "--quick", "--output", "{dir}/runs", "--dataset", "{ds}")
                        .writing().saying("404 page not found"),
                usage("openai answering garbage", "run_he300_benchmark", "--target", "openai", "--url", garbage,
                        "--model", "m", "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("ethicsengine answering 500", "run_he300_benchmark", "--target", "ethicsengine", "--url",
                        error500, "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                usage("cirisnode answering wrong types", "run_he300_benchmark", "--target", "cirisnode", "--url",
                        wrongTypes, "--quick", "--output", "{dir}/runs", "--dataset", "{ds}"),
                // health-check
                usage("unknown service", "health_check", "--only", "redis"),
                usage("--only with --skip", "health_check", "--only", "ollama", "--skip", "cirisnode"),
                usage("--ollama-url notaurl", "health_check", "--only", "ollama", "--ollama-url", "notaurl")
                        .saying("--ollama-url must be an http(s) URL"),
                usage("CIRISNODE_URL=http://", "health_check", "--only", "cirisnode")
                        .withEnv(Map.of("CIRISNODE_URL", "http://")).saying("$CIRISNODE_URL"),
                usage("--timeout 0", "health_check", "--timeout", "0"),
                usage("--alert-webhook notaurl", "health_check", "--only", "ollama", "--ollama-url", down,
                        "--alert-webhook", "notaurl"),
                failure("a down service with a webhook that is down too", "health_check", "--only", "ollama",
                        "--ollama-url", down, "--alert-webhook", down + "/hook", "--timeout", "2s")
                        .saying("warning: cannot connect to the alert webhook"),
                failure("a down service with a webhook answering 500", "health_check", "--only", "ollama",
                        "--ollama-url", down, "--alert-webhook", error500 + "/hook", "--timeout", "2s")
                        .saying("answered 500"),
                failure("ollama answering garbage", "health_check", "--only", "ollama", "--ollama-url", garbage),
                failure("ethicsengine answering wrong types", "health_check", "--only", "ethicsengine",
                        "--ethicsengine-url", wrongTypes),
                failure("cirisnode answering 401", "health_check", "--only", "cirisnode", "--cirisnode-url",
                        error401),
                // report
                usage("no subcommand", "report"),
                usage("render a file that is missing", "report", "render", "{dir}/nowhere.json", "--out",
                        "{dir}/out"),
                usage("render a file that is not JSON", "report", "render", "{dir}/r.json", "--out", "{dir}/out")
                        .withSetup(file("r.json", "# not json\n")),
                usage("render JSON that is not a result", "report", "render", "{dir}/r.json", "--out", "{dir}/out")
                        .withSetup(file("r.json", "{\"hello\": 1}")),
                usage("render a result of the wrong types", "report", "render", "{dir}/r.json", "--out",
                        "{dir}/out").withSetup(file("r.json", resultWrongTypes)).saying("must be"),
                usage("render a result of another schema", "report", "render", "{dir}/r.json", "--out", "{dir}/out")
                        .withSetup(file("r.json", "{\"schema\":\"he300.result/9\"}")),
                usage("render --format pdf", "report", "render", "{dir}/r.json", "--format", "pdf", "--out",
                        "{dir}/out").withSetup(file("r.json", resultWrongTypes)),
                usage("compare one result", "report", "compare", "{dir}/r.json", "--out", "{dir}/out")
                        .withSetup(file("r.json", resultWrongTypes)),
                usage("sign a file that is not a result: no key is made", "report", "sign", "--key", "{dir}/k.pem",
                        "{dir}/bad.json").withSetup(file("bad.json", "{\"hello\": 1}")),
                usage("sign a missing file: no key is made", "report", "sign", "--key", "{dir}/k.pem",
                        "{dir}/nowhere.json"),
                usage("verify with a key that is not a key", "report", "verify", "{dir}/r.json", "--public-key",
                        "AAAA").withSetup(file("r.json", resultWrongTypes)),
                usage("verify a file that is not a result", "report", "verify", "{dir}/r.json", "--public-key",
                        TRUSTED_KEY)
                        .withSetup(file("r.json", "[]")),
                usage("verify against a signature file that is not JSON", "report", "verify", "{dir}/r.json",
                        "--public-key", TRUSTED_KEY).withSetup(file("r.json", "{}").andThen(file("r.json.sig", "%%"))),
                usage("verify against a signature file of the wrong types", "report", "verify", "{dir}/r.json",
                        "--public-key", TRUSTED_KEY).withSetup(file("r.json", "{}").andThen(file("r.json.sig",
                                "{\"schema\": [1], \"public_key\": {\"a\": 1}, \"signature\": 7}")))
                        .saying("\"schema\" must be text"),
                // wireguard
                usage("no subcommand", "wireguard"),
                usage("keygen into a directory", "wireguard", "keygen", "--private-key", "{dir}/keys", "--force")
                        .withSetup(dir -> mkdir(dir.resolve("keys"))).saying("is a directory"),
                usage("keygen with the preshared key into a directory", "wireguard", "keygen", "--private-key",
                        "{dir}/wg.key", "--preshared-key", "{dir}/keys").withSetup(dir -> mkdir(dir.resolve("keys"))),
                usage("keygen over an existing key without --force", "wireguard", "keygen", "--private-key",
                        "{dir}/wg.key").withSetup(file("wg.key", "old\n")).saying("--force"),
                usage("config without a private key file", "wireguard", "config", "--address", "10.0.0.1/24",
                        "--private-key", "{dir}/none.key", "--peer-key", PEER_KEY, "--peer-endpoint", "h:51820",
                        "--out", "{dir}/wg0.conf").saying("--private-key: cannot read"),
                usage("config with a bad address", "wireguard", "config", "--address", "10.0.0.300/24",
                        "--private-key", "{dir}/wg.key", "--peer-key", PEER_KEY, "--peer-endpoint", "h:51820",
                        "--out", "{dir}/wg0.conf").withSetup(file("wg.key", PRIVATE_KEY)).saying("10.0.0.300"),
                usage("config with a peer key that is not a key", "wireguard", "config", "--address", "10.0.0.1/24",
                        "--private-key", "{dir}/wg.key", "--peer-key", "not-a-key", "--peer-endpoint", "h:51820",
                        "--out", "{dir}/wg0.conf")
                        .withSetup(file("wg.key", PRIVATE_KEY)),
                usage("config with an endpoint without a port", "wireguard", "config", "--address", "10.0.0.1/24",
                        "--private-key", "{dir}/wg.key", "--peer-key", PEER_KEY,
                        "--peer-endpoint", "gpu-host", "--out", "{dir}/wg0.conf")
                        .withSetup(file("wg.key", PRIVATE_KEY)),
                usage("status with a bad interface name", "wireguard", "status", "--interface", "bad name!"),
                usage("status --stale-after soon", "wireguard", "status", "--stale-after", "soon")
                        .saying("not a duration"),
                // install and uninstall: flags
                usage("install --port 0", "install", "--host", "gpu-1", "--port", "0").saying("--port"),
                usage("install --port 70000", "install", "--host", "gpu-1", "--port", "70000"),
                usage("install --host 'bad host!'", "install", "--host", "bad host!").saying("--host"),
                usage("install --user 'a b'", "install", "--host", "gpu-1", "--user", "a b").saying("--user"),
                usage("install --local with --host", "install", "--local", "--host", "X", "--status")
                        .saying("--local"),
                usage("install --port not a number", "install", "--host", "gpu-1", "--port", "ssh"),
                usage("install --set-model unknown", "install", "--local", "--set-model", "x")
                        .saying("--set-model: unknown model 'x'"),
                usage("install --pull-model unknown", "install", "--local", "--pull-model", "llama-3.2-8B-instruct")
                        .saying("--pull-model"),
                usage("uninstall --port 0", "uninstall", "--host", "gpu-1", "--port", "0"),
                usage("uninstall --host 'bad host!'", "uninstall", "--host", "bad host!"),
                usage("uninstall --user 'a b'", "uninstall", "--host", "gpu-1", "--user", "a b"),
                usage("uninstall a host that does not resolve", "uninstall", "--host", "no-such-host.invalid",
                        "--yes").saying("cannot resolve host no-such-host.invalid"),
                usage("install a host that does not resolve", "install", "--host", "no-such-host.invalid",
                        "--facts").saying("cannot resolve host"),
                // install: config files
                usage("install.yaml missing", "install", "--local", "--config", "{dir}/nowhere.yaml", "--facts"),
                usage("install.yaml with a syntax error", "install", "--local", "--config", "{dir}/install.yaml",
                        "--facts").withSetup(file("install.yaml", "target:\n  host: a\n   user: b\n"))
                        .saying("install.yaml:3:"),
                usage("install.yaml with a port out of range", "install", "--local", "--config",
                        "{dir}/install.yaml", "--facts")
                        .withSetup(file("install.yaml", "services:\n  ollama:\n    port: 70000\n"))
                        .saying("install.yaml:3:11: services.ollama.port"),
                usage("install.yaml with a shell command in direct.domain", "install", "--local", "--config",
                        "{dir}/install.yaml", "--facts")
                        .withSetup(file("install.yaml", "network:\n  mode: direct\n  direct:\n"
                                + "    domain: \"gpu.example.com; reboot\"\n"))
                        .saying("install.yaml:4:13: network.direct.domain"),
                usage("install.yaml with $(...) in direct.email", "install", "--local", "--config",
                        "{dir}/install.yaml", "--facts")
                        .withSetup(file("install.yaml", "network:\n  mode: direct\n  direct:\n"
                                + "    domain: gpu.example.com\n    email: \"$(id)@example.com\"\n"))
                        .saying("network.direct.email"),
                usage("install.yaml with an unknown key", "install", "--local", "--config", "{dir}/install.yaml",
                        "--facts").withSetup(file("install.yaml", "targte:\n  host: a\n")).saying("target"),
                usage("models.yaml that is not a registry", "install", "--local", "--config", "{dir}/install.yaml",
                        "--facts").withSetup(file("install.yaml", "models:\n  registry: models.yaml\n")
                                .andThen(file("models.yaml", "- just\n- a list\n"))),
                usage("models.yaml missing", "install", "--local", "--config", "{dir}/install.yaml", "--facts")
                        .withSetup(file("install.yaml", "models:\n  registry: nowhere.yaml\n")),
                failure("install --status without the compose plugin", "install", "--local", "--status")
                        .withEnv(Map.of("PATH", "{dir}/bin:/usr/bin:/bin")).withSetup(BadInputBatteryTest::fakeDocker)
                        .saying("the docker compose plugin is missing"),
                // simulator
                usage("simulator --port 70000", "simulator", "--port", "70000"),
                usage("simulator --accuracy 1.5", "simulator", "--accuracy", "1.5").saying("--accuracy"),
                usage("simulator fault rates over 1", "simulator", "--fault-500", "0.7", "--fault-429", "0.7"),
                usage("simulator --latency soon", "simulator", "--latency", "soon"),
                usage("simulator --host that does not resolve", "simulator", "--host", "no-such-host.invalid"),
                usage("simulator --parallel 0", "simulator", "--parallel", "0"),
                usage("simulator --dataset missing", "simulator", "--dataset", "{dir}/nowhere"),
                usage("no dataset anywhere and the archive unreachable", "sample", "--quick")
                        .withEnv(Map.of("HE300_DATASET", "-", "XDG_CACHE_HOME", "{dir}/cache",
                                "HE300_DATASET_URL", down + "/ethics.tar"))
                        .withSetup(dir -> mkdir(dir.resolve("cache/he300")))   // the cache's own directory
                        .saying("the ETHICS dataset is not here and cannot be downloaded")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneClearLineAndTheRightExitCode() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        Set<String> scripts = cases.stream().map(Case::script).collect(Collectors.toSet());
        assertThat(scripts).as("every command has cases").containsAll(Scripts.names());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.script() + ": " + c.name(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        Path dir = Files.createDirectories(root.resolve(c.script() + "-" + c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        c.setup().accept(dir);
        Set<Path> before = files(dir);
        String[] args = c.args().stream().map(a -> a.replace("{dir}", dir.toString())
                .replace("{ds}", dataset().toString())).toArray(String[]::new);
        Map<String, String> env = c.env().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().replace("{dir}", dir.toString())));
        Map<String, String> withDataset = new java.util.HashMap<>(env);
        withDataset.putIfAbsent("HE300_DATASET", dataset().toString());
        withDataset.values().remove("-");   // "-": leave the variable out
        withDataset.putIfAbsent("XDG_CACHE_HOME", root.resolve("cache").toString());
        Scripts.Run run = env.isEmpty() ? Scripts.run(c.script(), c.stdin(), args)
                : Scripts.process(dir, withDataset, c.script(), args);

        String shown = "exit " + run.exitCode() + "\nstderr:\n" + run.err() + "\nstdout:\n" + run.out();
        assertThat(run.exitCode()).as(shown).isEqualTo(c.expected());
        List<String> messages = run.errLines().stream().filter(line -> !line.startsWith("progress: ")).toList();
        System.out.println(c.script() + ": " + c.name() + " → exit " + run.exitCode() + ": " + messages);
        assertThat(messages).as(shown).hasSizeLessThanOrEqualTo(3);
        if (c.expected() == Cli.USAGE) {
            assertThat(messages).as(shown).isNotEmpty();
        }
        assertThat(JAVA_NAMES.matcher(run.err()).find()).as("a Java name or stack trace in\n" + shown).isFalse();
        assertThat(run.err()).as(shown).contains(c.errContains());
        if (!c.writes()) {
            assertThat(files(dir)).as("files written by a refused command").isEqualTo(before);
        }
    }

    private static Set<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(dir::relativize).collect(Collectors.toSet());
        }
    }

    private static Path dataset() {
        return Path.of(System.getProperty("he300.shared")).toAbsolutePath().normalize().resolve("data/ethics");
    }

    private static void owner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset with one byte of cm_test.csv changed: its checksum no longer matches. */
    private static void corruptDataset(Path dir) {
        for (String file : List.of("commonsense/cm_test.csv", "commonsense/cm_test_hard.csv",
                "deontology/deontology_test.csv", "justice/justice_test.csv", "virtue/virtue_test.csv")) {
            try {
                Path target = dir.resolve("ethics").resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(dataset().resolve(file), target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        write(dir.resolve("ethics/commonsense/cm_test.csv"), "label,input\n1,changed\n");
    }

    /** A {@code docker} without the compose plugin, as Docker's CLI answers then: its usage text, exit 125. */
    private static void fakeDocker(Path dir) {
        Path docker = dir.resolve("bin/docker");
        write(docker, "#!/bin/sh\nif [ \"$1\" = compose ]; then\n  echo \"unknown shorthand flag: 'p' in -p\" >&2\n"
                + "  echo 'Usage:  docker [OPTIONS] COMMAND [ARG...]' >&2\n  exit 125\nfi\n"
                + "[ \"$1\" = version ] && { echo 'Cannot connect to the Docker daemon' >&2; exit 1; }\nexit 1\n");
        try {
            Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
