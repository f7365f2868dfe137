package io.github.rngops.he300.provision.install;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package) on 127.0.0.1 and a Unix socket, run as the
 * {@code postgres} user (it refuses root) in a directory of its own: local connections trusted as in the official
 * image, TCP ones by SCRAM-SHA-256. In CI a missing PostgreSQL fails the test; elsewhere it is skipped.
 */
final class LocalPostgres implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final int port;
    private boolean started;

    private LocalPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** A new cluster, not started yet ({@link #start()}). */
    static LocalPostgres create() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException none) {
            bin = null;
        }
        if (bin == null) {
            String why = "no PostgreSQL server under /usr/lib/postgresql: add postgresql to APT_PACKAGES in .ci/run";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "he300-pg-");   // not under a 0700 @TempDir
        run("chown", "postgres:", dir.toString());
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        asPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256");
        return new LocalPostgres(dir, bin, port);
    }

    LocalPostgres start() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl").toString(), "-s", "-w", "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start");
        started = true;
        return this;
    }

    int port() {
        return port;
    }

    /** The directory of its Unix socket. */
    Path socketDir() {
        return dir;
    }

    /** Runs psql as {@code postgres} over the socket, with {@code env}; returns its output, or throws. */
    String psql(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h",
                dir.toString(), "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres"));
        argv.addAll(List.of(args));
        return run(env, argv);
    }

    /** Whether {@code user} can log in over TCP with {@code password} (SCRAM). */
    boolean logsIn(String user, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-At", "-w", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", user, "-d", user, "-c", "select current_user")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 && out.strip().equals(user);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            asPostgres(bin.resolve("pg_ctl").toString(), "-s", "-w", "-m", "immediate", "-D", dir.resolve("data")
                    .toString(), "stop");
        }
        run("rm", "-rf", "--", dir.toString());
    }

    private static void asPostgres(String... argv) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(argv));
        run(Map.of(), all);
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        run(Map.of(), List.of(argv));
    }

    private static String run(Map<String, String> env, List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }
}
