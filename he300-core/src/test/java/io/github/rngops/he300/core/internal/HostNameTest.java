package io.github.rngops.he300.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostNameTest {

    private static final Path KERNEL = Path.of("/proc/sys/kernel/hostname");

    @Test
    void isTheKernelsNameOnLinux() throws IOException {
        assumeTrue(Files.isReadable(KERNEL), "not Linux");
        assertThat(HostName.local("fallback")).isEqualTo(Files.readString(KERNEL).strip());
    }

    /** A JVM whose resolver knows no names (an empty hosts file) still gets the name: no lookup is made. */
    @Test
    void needsNoResolverThatKnowsTheName(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isReadable(KERNEL), "not Linux");
        Path hosts = Files.writeString(temp.resolve("hosts"), "");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(out).isEqualTo("resolver: unknown host; HostName: " + Files.readString(KERNEL).strip());
    }

    /** Run in the child JVM: what the resolver says, then what {@link HostName} says. */
    static final class Probe {
        public static void main(String[] args) {
            String resolver;
            try {
                resolver = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                resolver = "unknown host";
            }
            System.out.println("resolver: " + resolver + "; HostName: " + HostName.local("fallback"));
        }
    }
}
