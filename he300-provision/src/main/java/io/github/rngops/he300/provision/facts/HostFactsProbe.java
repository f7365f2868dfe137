package io.github.rngops.he300.provision.facts;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Gathers {@link HostFacts} through any {@link CommandRunner} (an {@code SshSession}, a {@code LocalRunner}) in one
 * round trip: a single POSIX shell script, sent on standard input to {@code sh -s}, runs every probe and prints its
 * output between markers. Missing programs are reported, not fatal; nothing is changed on the host.
 *
 * <pre>{@code
 * HostFacts facts = HostFactsProbe.gather(ssh);
 * }</pre>
 *
 * <p>The script reads files under {@code $HE300_PROBE_ROOT} (empty on a real host), so tests can give it a fake
 * filesystem root and fake programs on the {@code PATH} and run the very same script.
 */
public final class HostFactsProbe {
    /** How long the probe may take (a hung {@code nvidia-smi} or Docker daemon stops it). */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SCRIPT = load();

    private HostFactsProbe() {}

    /** {@return the probe script, for review or a dry run} */
    public static String script() {
        return SCRIPT;
    }

    /** {@return the command that runs the probe: {@code sh -s} with the script on stdin, never with sudo} */
    public static Command command() {
        return Command.builder("sh").arg("-s").stdin(SCRIPT).timeout(TIMEOUT).build();
    }

    /**
     * Runs the probe (one read-only command, never with sudo) and parses what it printed. Nothing on the host is
     * changed, so it may run any number of times.
     *
     * @param runner how commands reach the host
     * @return what was detected
     * @throws io.github.rngops.he300.core.command.CommandException if the probe script itself fails or times out
     *     (after {@link #TIMEOUT})
     */
    public static HostFacts gather(CommandRunner runner) {
        return parse(runner.runChecked(command()).stdout());
    }

    /**
     * Parses the output of {@link #script()}, for output captured elsewhere. Missing sections give empty text and
     * zeros.
     *
     * @param probeOutput what the script printed
     * @return the facts it describes
     */
    public static HostFacts parse(String probeOutput) {
        return HostFactsParser.parse(probeOutput);
    }

    private static String load() {
        try (InputStream in = HostFactsProbe.class.getResourceAsStream("probe.sh")) {
            if (in == null) {
                throw new IllegalStateException("probe.sh is missing from the he300-provision jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
