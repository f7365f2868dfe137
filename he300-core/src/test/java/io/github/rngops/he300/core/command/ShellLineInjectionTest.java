package io.github.rngops.he300.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders commands with hostile values and runs the line through a real {@code /bin/sh -c}: the program must see
 * exactly the values given, and nothing else may run. Values are generated from fixed seeds, so a failure names a
 * case that reproduces.
 */
class ShellLineInjectionTest {

    private static final List<String> HOSTILE = List.of("'", "\"", "\\", "$(touch /tmp/he300-pwned)", "`id`", "$HOME",
            "${IFS}", "\n", "\r", "\t", ";", "|", "&", "&&", "||", ">", "<", "*", "?", "[a-z]", "~", "#", "!", " ",
            "'\\''", "-n", "--", "=", "é", "日本", "🦀", "\u202e", "$'\\x41'", "%s", "\\0", "'$(rm -rf /)'");

    /** A hostile string: up to six pieces, each a known troublemaker, printable ASCII, or any BMP text but NUL. */
    static String hostile(Random random) {
        StringBuilder value = new StringBuilder();
        for (int piece = random.nextInt(7); piece > 0; piece--) {
            switch (random.nextInt(3)) {
                case 0 -> value.append(HOSTILE.get(random.nextInt(HOSTILE.size())));
                case 1 -> random.ints(random.nextInt(7), 1, 0x80).forEach(c -> value.append((char) c));
                default -> random.ints(random.nextInt(5), 1, 0x10000)
                        .filter(c -> !Character.isSurrogate((char) c))
                        .forEach(c -> value.append((char) c));
            }
        }
        return value.toString();
    }

    static Stream<List<String>> hostileArgs() {
        return IntStream.range(0, 150).mapToObj(seed -> {
            Random random = new Random(seed);
            return IntStream.range(0, random.nextInt(6)).mapToObj(i -> hostile(random)).toList();
        });
    }

    static Stream<String> hostileValues() {
        return IntStream.range(0, 60).mapToObj(seed -> hostile(new Random(1_000 + seed)));
    }

    static Stream<String> hostileNames() {
        return IntStream.range(0, 30).mapToObj(seed -> hostile(new Random(2_000 + seed)));
    }

    @ParameterizedTest
    @MethodSource("hostileArgs")
    void theShellSeesExactlyTheArguments(List<String> args) throws Exception {
        Command command = Command.builder("printf").args("%s\\0", "start").args(args).build();

        byte[] out = sh(command.shellLine(), null);

        List<String> seen = splitOnNul(out);
        assertThat(seen.get(0)).isEqualTo("start");   // printf prints its format once even with no arguments
        assertThat(seen.subList(1, seen.size())).containsExactlyElementsOf(args);
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void theShellSeesExactlyTheEnvironmentValue(String value) throws Exception {
        Command command = Command.builder("printenv").arg("HE300_VALUE").secretEnv("HE300_VALUE", value).build();

        byte[] out = sh(command.shellLine(), null);

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(value + "\n");
        assertThat(command.displayLine()).isEqualTo("env 'HE300_VALUE=****' 'printenv' 'HE300_VALUE'");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void theShellChangesToExactlyTheDirectory(String name) throws Exception {
        String safe = name.replace("/", "_");
        if (safe.isEmpty() || safe.equals(".") || safe.equals("..")) {
            safe = "_" + safe;
        }
        Path base = Files.createTempDirectory("he300-cwd");
        Path dir = Files.createDirectory(base.resolve(safe));
        try {
            Command command = Command.builder("pwd").arg("-P").workingDir(dir).build();

            byte[] out = sh(command.shellLine(), null);

            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(dir.toRealPath() + "\n");
        } finally {
            Files.delete(dir);
            Files.delete(base);
        }
    }

    private static byte[] sh(String line, byte[] stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin);
        }
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code of %s (output %s)", line, out).isZero();
        return out.toByteArray();
    }

    private static List<String> splitOnNul(byte[] bytes) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                values.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertThat(start).as("output ends with a NUL").isEqualTo(bytes.length);
        return values;
    }
}
