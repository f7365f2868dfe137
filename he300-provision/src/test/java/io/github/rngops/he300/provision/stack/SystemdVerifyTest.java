package io.github.rngops.he300.provision.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every systemd unit and timer of every variant, and the boot firewall's unit, passes {@code systemd-analyze verify}, in a root of its own
 * ({@code --root}): this machine's unit directory copied in (for the default dependencies), a {@code docker.service},
 * and executables where the units' {@code ExecStart=} name them, so that a missing Docker here is not the failure.
 * Verify exits 0 on some problems (an unknown {@code Type=} is only "ignoring"), so its output must be empty too.
 */
class SystemdVerifyTest {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path UNITS = Path.of("/usr/lib/systemd/system");

    @TempDir
    Path dir;

    /** What verify printed (both streams), and its exit code. */
    record Verdict(int code, String output) {}

    Verdict verify(Path root, List<StackFile> units) throws IOException, InterruptedException {
        for (StackFile unit : units) {
            Path target = root.resolve(unit.path().substring(1));
            Files.createDirectories(target.getParent());
            Files.writeString(target, unit.content());
            for (String line : unit.content().lines().toList()) {
                if (line.startsWith("ExecStart=") || line.startsWith("ExecStop=")) {
                    executable(root, line.substring(line.indexOf('=') + 1).split(" ")[0]);
                }
            }
        }
        List<String> argv = new ArrayList<>(List.of(ANALYZE.toString(), "verify", "--root=" + root));
        units.forEach(u -> argv.add(u.path()));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("systemd-analyze verify did not end within 60 s");
        }
        return new Verdict(process.exitValue(), output);
    }

    Path root(String name) throws IOException, InterruptedException {
        if (!Files.isExecutable(ANALYZE)) {
            String why = ANALYZE + " is missing: add systemd to APT_PACKAGES in .ci/run";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path root = Files.createDirectories(dir.resolve(name));
        Path units = Files.createDirectories(root.resolve(UNITS.toString().substring(1)));
        try (Stream<Path> all = Files.list(UNITS)) {
            for (Path unit : all.filter(Files::isRegularFile).toList()) {
                Files.copy(unit, units.resolve(unit.getFileName()));
            }
        }
        Files.writeString(units.resolve("docker.service"), "[Unit]\nDescription=Docker (a stand-in)\n\n"
                + "[Service]\nExecStart=/usr/bin/dockerd\n");
        executable(root, "/usr/bin/dockerd");
        return root;
    }

    private static void executable(Path root, String path) throws IOException {
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "#!/bin/sh\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<StackFile> units(StackFiles files) {
        return files.all().stream().filter(f -> f.path().startsWith(SystemdUnits.DIR + "/")).toList();
    }

    @Test
    void everyUnitAndTimerOfEveryVariantVerifies() throws Exception {
        int verified = 0;
        for (Map.Entry<String, StackFiles> variant : StackVariants.all().entrySet()) {
            List<StackFile> units = units(variant.getValue());
            assertThat(units).extracting(StackFile::name).containsExactly("he300-stack.service",
                    "he300-health.service", "he300-health.timer");
            Verdict verdict = verify(root(variant.getKey()), units);
            assertThat(verdict.code()).as(variant.getKey() + ": " + verdict.output()).isZero();
            assertThat(verdict.output()).as(variant.getKey()).isEmpty();
            verified += units.size();
        }
        assertThat(verified).isEqualTo(3 * StackVariants.all().size());
    }

    @Test
    void theFirewallUnitVerifies() throws Exception {
        List<StackFile> files = FirewallBootFiles.of(List.of());
        List<StackFile> units = files.stream().filter(f -> f.path().startsWith(SystemdUnits.DIR + "/")).toList();
        assertThat(units).extracting(StackFile::name).containsExactly(FirewallBootFiles.UNIT);
        assertThat(units.get(0).content()).contains("After=docker.service\n", "Before=nginx.service he300-stack.service\n",
                "ExecStart=" + FirewallBootFiles.SCRIPT + "\n", "WantedBy=multi-user.target\n");
        Verdict verdict = verify(root("firewall"), units);
        assertThat(verdict.code()).as(verdict.output()).isZero();
        assertThat(verdict.output()).isEmpty();
    }

    @Test
    void aBrokenUnitIsCaught() throws Exception {
        StackFile stack = units(StackVariants.all().get("tunnel")).get(0);
        StackFile broken = new StackFile(stack.path(), stack.content().replace("Type=oneshot", "Type=oneshto"),
                stack.mode(), false);
        Verdict verdict = verify(root("broken"), List.of(broken));
        assertThat(verdict.output()).contains("Failed to parse service type");
    }
}
