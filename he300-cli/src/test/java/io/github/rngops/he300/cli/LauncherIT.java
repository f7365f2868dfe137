package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./he300} launcher, run in two copies of this checkout ("A" and "B") that share nothing but the
 * Maven repository, the way two branches or two CI jobs share a machine. Each copy gets a probe: a class in he300-cli
 * that names its checkout and a {@code probe} command that prints it, so each output says whose code ran. Every
 * build costs a {@code ./mvnw package} of the copy (four in all), which is why this is an IT.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final String BUILDING = "he300: building the he300 modules";
    private static final Set<String> SKIPPED = Set.of("target", ".git", "he300-results", ".idea");

    @TempDir static Path temp;
    static Path a;
    static Path b;
    static Path home;

    @BeforeAll
    static void copyTheCheckoutTwice() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        a = copy(temp.resolve("a"), "A");
        b = copy(temp.resolve("b"), "B");
    }

    @Test
    @Order(1)
    void helpListsEveryCommandOnOneLineAndVersionPrintsTheVersion() throws IOException {
        Result help = run(a, "--help");
        assertThat(help.exit()).isZero();
        JsonNode aliases = new ObjectMapper().readTree(a.resolve("jbang-catalog.json").toFile()).get("aliases");
        for (Iterator<Map.Entry<String, JsonNode>> it = aliases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> alias = it.next();
            assertThat(help.out().lines().filter(l -> l.matches("  " + alias.getKey() + " +\\S.*")).count())
                    .as("one line for " + alias.getKey()).isEqualTo(1);
            assertThat(help.out()).contains(alias.getValue().get("description").asText());
        }
        assertThat(help.err()).isEmpty();

        Result version = run(a, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).matches("he300 \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");

        Result unknown = run(a, "no-such-command");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("he300: unknown command 'no-such-command'");
    }

    @Test
    @Order(2)
    void twoCheckoutsRunTheirOwnCodeAndNeverRebuildEachOther() throws IOException {
        for (Path checkout : List.of(a, b)) {            // A may have been built already (--version)
            Result first = run(checkout, "probe");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).isEqualTo(checkout == a ? "A\n" : "B\n");
        }
        for (int round = 0; round < 2; round++) {
            for (Path checkout : List.of(a, b)) {
                Result again = run(checkout, "probe");
                assertThat(again.out()).isEqualTo(checkout == a ? "A\n" : "B\n");
                assertThat(again.err()).as("a warm run builds nothing").isEmpty();
            }
        }
        writeProbe(b, "B2");                              // a change in B's module sources
        Result changed = run(b, "probe");
        assertThat(changed.out()).isEqualTo("B2\n");
        assertThat(changed.err()).contains(BUILDING);
        Result other = run(a, "probe");
        assertThat(other.out()).isEqualTo("A\n");
        assertThat(other.err()).as("B's build does not make A rebuild").isEmpty();

        // Whatever any checkout installs into ~/.m2, A never reads its own modules from there.
        Result traced = run(a, Map.of("HE300_LAUNCHER_TRACE", "1"), "probe");
        String classPath = traced.err().lines().filter(l -> l.startsWith("he300: exec ")).findFirst().orElseThrow();
        assertThat(classPath).contains("he300-cli-").doesNotContain(".m2/repository/io/github/rng-ops");
    }

    @Test
    @Order(3)
    void fourCommandsStartedAtOnceAfterAChangeAllSucceed() throws Exception {
        for (String change : List.of("module", "script", "archives")) {
            String mark = "A-" + change + "-" + System.nanoTime();
            switch (change) {
                case "module" -> writeProbe(a, mark);
                case "script" -> {
                    writeProbe(a, mark);                  // a module change too, so the output tells
                    Files.writeString(a.resolve("scripts/probe.java"), probeScript() + "\n// " + mark + "\n");
                }
                default -> {
                    deleteArchives(a);
                    mark = run(a, "probe").out().strip();  // archives dropped: the next four record again
                    deleteArchives(a);
                }
            }
            List<Process> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(start(a, Map.of(), "probe"));
            }
            for (Process process : starts) {
                Result result = finish(process);
                assertThat(result.exit()).as(change + ": " + result.err()).isZero();
                assertThat(result.out()).as("stdout holds only the answer").isEqualTo(mark + "\n");
                assertThat(result.err()).doesNotContain("[warning]").doesNotContain("Exception");
            }
        }
    }

    @Test
    @Order(4)
    void stdoutOfACaptureCommandIsOnlyItsAnswerOnEveryJdk() throws IOException {
        String golden = Files.readString(shared().resolve("he300/goldens/v1.0-n30-seed11.tsv"));
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        InstalledJdks.atLeast(25).ifPresent(jdks::add);
        for (Path jdk : jdks) {
            for (int run = 0; run < 2; run++) {           // the first run makes the class archive, the second uses it
                Result sample = run(a, Map.of("HE300_JAVA_HOME", jdk.toString()), "sample", "--seed", "11", "--quick");
                assertThat(sample.exit()).as(jdk + ": " + sample.err()).isZero();
                assertThat(withoutComments(sample.out())).as(jdk + " run " + run).isEqualTo(withoutComments(golden));
                assertThat(sample.out().lines()).allMatch(l -> l.startsWith("# ") || l.startsWith("scenario_id\t")
                        || l.startsWith("hendrycks_ethics:"));

                // The README's PUB=$(./he300 wireguard keygen ...): the capture holds the public key and nothing else.
                Path key = temp.resolve("wg-" + jdk.getFileName() + "-" + run + ".key");
                Result keygen = run(a, Map.of("HE300_JAVA_HOME", jdk.toString()), "wireguard", "keygen",
                        "--private-key", key.toString());
                assertThat(keygen.exit()).as(jdk + ": " + keygen.err()).isZero();
                assertThat(keygen.out()).as(jdk + " run " + run).matches("[A-Za-z0-9+/]{43}=\n");
            }
        }
    }

    @Test
    @Order(5)
    void onJdk25PicocliIsLinkedAheadOfTimeFromItsJava8Copy() throws IOException {
        Path jdk = InstalledJdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(jdk != null, "no JDK 25+ under /usr/lib/jvm: no AOT cache to check");
        Map<String, String> env = Map.of("HE300_JAVA_HOME", jdk.toString());
        for (int run = 0; run < 2; run++) {               // the archive made, as in the case above, whatever ran first
            assertThat(run(a, env, "parse", "--help").exit()).isZero();
        }
        Path log = temp.resolve("parse-class-load.log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("HE300_JAVA_OPTIONS", "-Xlog:class+load:file=" + log);
        Result parse = run(a, logged, "parse", "--help");
        assertThat(parse.exit()).as(parse.err()).isZero();
        assertThat(parse.out()).contains("Usage: parse");

        List<String> picocli = Files.readAllLines(log).stream().filter(l -> l.contains(" picocli.")).toList();
        assertThat(picocli).hasSizeGreaterThan(100)
                .allSatisfy(line -> assertThat(line).endsWith("source: shared objects file"));
        try (Stream<Path> copies = Files.list(home.resolve(".cache/he300/linkable"))) {
            assertThat(copies.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).matches("[0-9a-f]{64}-picocli-[0-9.]+\\.jar"));
        }
    }

    // ---- the copies and their probe ----------------------------------------------------------------------------

    private static Path copy(Path target, String mark) throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = PROJECT.relativize(source);
                // Build output and VCS data of the project and of each module, not a source package named target.
                boolean skipped = relative.getNameCount() > 0 && SKIPPED.contains(relative.getName(0).toString())
                        || relative.getNameCount() > 1 && relative.getName(1).toString().equals("target");
                if (skipped) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        writeProbe(target, mark);
        Files.writeString(target.resolve("scripts/probe.java"), probeScript());
        Path catalog = target.resolve("jbang-catalog.json");
        Files.writeString(catalog, Files.readString(catalog).replaceFirst("\"aliases\"\\s*:\\s*\\{",
                "\"aliases\": {\n    \"probe\": {\"script-ref\": \"scripts/probe.java\", \"description\": \"Probe\"},"));
        return target;
    }

    private static void writeProbe(Path checkout, String mark) throws IOException {
        Path source = checkout.resolve("he300-cli/src/main/java/io/github/rngops/he300/cli/LauncherProbe.java");
        Files.writeString(source, "package io.github.rngops.he300.cli;\n"
                + "public final class LauncherProbe { public static final String MARK = \"" + mark + "\"; }\n");
    }

    private static String probeScript() {
        return String.join("\n",
                "//JAVA 17+",
                "//DEPS io.github.rng-ops:he300-bom:0.1.0-SNAPSHOT@pom",
                "//DEPS io.github.rng-ops:he300-cli",
                "class probe {",
                "    public static void main(String... args) {",
                "        System.out.println(io.github.rngops.he300.cli.LauncherProbe.MARK);",
                "    }",
                "}", "");
    }

    private static void deleteArchives(Path checkout) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve(".cache/he300/projects"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("probe@") && (name.contains(".jsa") || name.contains(".aot"))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    // ---- running ./he300 ---------------------------------------------------------------------------------------

    record Result(int exit, String out, String err) {}

    private static Result run(Path checkout, String... args) throws IOException {
        return run(checkout, Map.of(), args);
    }

    private static Result run(Path checkout, Map<String, String> env, String... args) throws IOException {
        return finish(start(checkout, env, args));
    }

    private static Process start(Path checkout, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(checkout.resolve("he300").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        Map<String, String> environment = builder.environment();
        String realHome = environment.getOrDefault("HOME", System.getProperty("user.home"));
        environment.putIfAbsent("MAVEN_USER_HOME", realHome + "/.m2");   // the wrapper's Maven, not a new download
        environment.put("HOME", home.toString());
        environment.remove("XDG_CACHE_HOME");
        environment.remove("JAVA_HOME");                  // the launcher's own choice, unless a test names one
        environment.remove("HE300_JAVA_HOME");
        environment.put("HE300_DATASET", shared().resolve("data/ethics").toString());
        environment.putAll(new HashMap<>(env));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        PENDING.put(process, new Path[] {out, err});
        return process;
    }

    private static final Map<Process, Path[]> PENDING = new java.util.concurrent.ConcurrentHashMap<>();

    private static Result finish(Process process) {
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./he300 did not end within 15 minutes");
            }
            Path[] files = PENDING.remove(process);
            return new Result(process.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                    Files.readString(files[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path shared() {
        String property = System.getProperty("he300.shared");
        assertThat(property).as("system property he300.shared (set by the build to <project>/../shared)").isNotBlank();
        Path shared = Path.of(property).toAbsolutePath().normalize();
        assertThat(shared).as("the shared directory beside the project; CI lays it out, see .ci/run").isDirectory();
        return shared;
    }

    private static String withoutComments(String tsv) {
        return String.join("\n", tsv.lines().filter(l -> !l.startsWith("#")).toList());
    }
}
