package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tools/jbang/LinkableJars.java}, which the launcher runs on JDK 25+ so that the AOT cache links picocli's
 * Java 5 classes too: run here on the real picocli and Jackson jars (from the test class path) with the JDK 25 the
 * launcher would pick. LauncherIT checks the launcher's use of it end to end.
 */
class LinkableJarsTest {
    private static final Path TOOL = Path.of("").toAbsolutePath().getParent().resolve("tools/jbang/LinkableJars.java");

    @TempDir static Path temp;
    static Path jdk;

    @BeforeAll
    static void findJdk25() {
        jdk = InstalledJdks.atLeast(25).orElse(null);
        Assumptions.assumeTrue(jdk != null, "no JDK 25+ under /usr/lib/jvm (the tool needs the ClassFile API)");
    }

    @Test
    void picocliIsCopiedAsJava8ClassFilesAndEverythingElseByteForByte() throws Exception {
        Path picocli = jarOf(CommandLine.class);
        Path copy = temp.resolve("copy/picocli.jar");
        List<String> printed = tool(picocli.toString(), copy.toString());
        assertThat(printed).containsExactly("copied " + picocli);

        Map<String, byte[]> before = entries(picocli);
        Map<String, byte[]> after = entries(copy);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(before.entrySet().stream().filter(e -> e.getKey().endsWith(".class"))
                .filter(e -> major(e.getValue()) < 50)).as("picocli ships Java 5 class files").isNotEmpty();
        after.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                assertThat(major(bytes)).as(name).isGreaterThanOrEqualTo(50);
            } else {
                assertThat(bytes).as(name).isEqualTo(before.get(name));
            }
        });
        try (var files = Files.list(copy.getParent())) {
            assertThat(files).as("no partial file left").containsExactly(copy);
        }
    }

    @Test
    void theCopyVerifiesAndBehavesAsPicocliOnJdk25() throws Exception {
        Path copy = temp.resolve("verified/picocli.jar");
        tool(jarOf(CommandLine.class).toString(), copy.toString());
        Path program = temp.resolve("Usage.java");
        Files.writeString(program, String.join("\n",
                "import picocli.CommandLine;",
                "import picocli.CommandLine.Command;",
                "import picocli.CommandLine.Option;",
                "@Command(name = \"probe\", mixinStandardHelpOptions = true, description = \"A probe.\")",
                "public class Usage implements Runnable {",
                "    @Option(names = \"--count\", description = \"How many.\") int count;",
                "    public void run() { System.out.println(\"count=\" + count); }",
                "    public static void main(String... args) {",
                "        new CommandLine(new Usage()).execute(\"--count\", \"3\");",
                "        new CommandLine(new Usage()).usage(System.out);",
                "        System.exit(new CommandLine(new Usage()).execute(\"--bogus\"));",
                "    }",
                "}", ""));
        // -Xverify:all makes the JVM verify every class (the app loader's are verified anyway); Usage loads picocli's
        // model, parser, help and error paths.
        Process java = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-Xverify:all", "-Xshare:off",
                "-cp", copy.toString(), program.toString()).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotContain("VerifyError").doesNotContain("Exception in")
                .contains("count=3", "Usage: probe [-hV] [--count=<count>]", "Unknown option: '--bogus'");
        assertThat(java.exitValue()).as(out).isEqualTo(2);
    }

    @Test
    void aJarOfJava6OrNewerAndASignedJarAreKept() throws Exception {
        Path jackson = jarOf(JsonFactory.class);
        Path signed = temp.resolve("signed.jar");
        try (JarFile picocli = new JarFile(jarOf(CommandLine.class).toFile());
             OutputStream file = Files.newOutputStream(signed);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("picocli/CommandLine$Range.class"));
            out.write(picocli.getInputStream(picocli.getEntry("picocli/CommandLine$Range.class")).readAllBytes());
            out.putNextEntry(new JarEntry("META-INF/SIGNER.SF"));
            out.write("Signature-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII));
        }
        List<String> printed = tool(jackson.toString(), temp.resolve("kept/jackson.jar").toString(),
                signed.toString(), temp.resolve("kept/signed.jar").toString());
        assertThat(printed).containsExactly("kept " + jackson, "kept (signed) " + signed);
        assertThat(temp.resolve("kept/jackson.jar")).doesNotExist();
        assertThat(temp.resolve("kept/signed.jar")).doesNotExist();
    }

    private static List<String> tool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), TOOL.toString()));
        command.addAll(List.of(args));
        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    private static int major(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }
}
