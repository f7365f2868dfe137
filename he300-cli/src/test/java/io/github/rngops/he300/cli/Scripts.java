package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import picocli.CommandLine;

/**
 * The project's jbang scripts ({@code scripts/*.java}), compiled once per test JVM against the test classpath (the
 * same modules their {@code //DEPS} name) and run the way {@code ./he300} runs them: through {@link Cli#run}, in this
 * JVM with standard streams captured, or as a real {@code java} process when a case needs its own environment.
 */
final class Scripts {
    /** What a command did. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static Path classes;
    private static ClassLoader loader;

    private Scripts() {}

    /** The project root: the parent of the module the tests run in. */
    static Path root() {
        return ROOT;
    }

    /**
     * The command class of every script on this module's classpath, by file name (without {@code .java}). A script
     * on a module built after this one ({@code //DEPS …:he300-sweep}, which needs he300-cli) is left out here: its
     * module's own tests run it.
     */
    static synchronized List<String> names() {
        try (Stream<Path> files = Files.list(ROOT.resolve("scripts"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".java")).filter(Scripts::onThisClasspath)
                    .map(p -> p.getFileName().toString())
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onThisClasspath(Path script) {
        try {
            return Files.readAllLines(script).stream()
                    .noneMatch(line -> line.startsWith("//DEPS io.github.rng-ops:he300-sweep"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new instance of the script's command class. */
    static Object command(String script) {
        try {
            Constructor<?> constructor = loader().loadClass(script).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the command of scripts/" + script + ".java", e);
        }
    }

    /** Runs {@code script} with {@code args} in this JVM, {@code stdin} as standard input. */
    static synchronized Run run(String script, String stdin, String... args) {
        Object command = command(script);
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine line = Cli.commandLine(command, Map.of());
            line.setOut(new PrintWriter(capturedOut, true));
            line.setErr(new PrintWriter(capturedErr, true));
            int code = line.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
    }

    /** Runs {@code script} as a {@code java} process in {@code dir} with {@code env} added to a minimal environment. */
    static Run process(Path dir, Map<String, String> env, String script, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp",
                classesDir() + File.pathSeparator + System.getProperty("java.class.path"), script));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
        builder.environment().keySet().removeIf(key -> !key.equals("HOME") && !key.equals("PATH"));
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            var out = process.getInputStream();
            var err = process.getErrorStream();
            ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
            Thread drainErr = new Thread(() -> {
                try {
                    err.transferTo(errBytes);
                } catch (IOException ignored) {
                    // the process ended; what was read is what it wrote
                }
            });
            drainErr.start();
            String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("scripts/" + script + " ended").isTrue();
            drainErr.join();
            return new Run(process.exitValue(), stdout, errBytes.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            try {
                loader = new URLClassLoader(new URL[] {classesDir().toUri().toURL()}, Scripts.class.getClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loader;
    }

    /** {@code target/scripts-classes}, compiled from {@code scripts/*.java} by the JDK's compiler. */
    private static synchronized Path classesDir() {
        if (classes == null) {
            Path dir = Path.of("target", "scripts-classes").toAbsolutePath();
            List<String> args = new ArrayList<>(List.of("-d", dir.toString(), "-cp",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn", "-encoding", "UTF-8"));
            names().forEach(name -> args.add(ROOT.resolve("scripts/" + name + ".java").toString()));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int code = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            assertThat(code).as("javac scripts/*.java:\n" + diagnostics.toString(StandardCharsets.UTF_8)).isZero();
            classes = dir;
        }
        return classes;
    }
}
