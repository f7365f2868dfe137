package io.github.rngops.he300.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests against real tools call {@link #require}. In CI ({@code CI=true}) a missing tool or missing root fails the
 * test with what to install; elsewhere the test is skipped with the same message. Never a silent pass.
 */
public final class RealTools {
    private RealTools() {}

    public static void require(String... programs) {
        for (String program : programs) {
            if (which(program) == null) {
                missing(program + " is not installed: add its Debian package to APT_PACKAGES in .ci/run");
            }
        }
    }

    public static void requireRoot() {
        if (!LocalRunner.create().root()) {
            missing("this test needs root (network namespaces, iptables)");
        }
    }

    public static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            for (String candidate : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path path = Path.of(candidate, program);
                if (Files.isExecutable(path)) {
                    return path;
                }
            }
        }
        return null;
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + why);
        }
        Assumptions.abort(why);
    }
}
