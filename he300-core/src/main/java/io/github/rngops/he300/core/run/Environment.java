package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.internal.HostName;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run ran: the target as it described itself (URL without credentials), and the runner.
 *
 * @param targetKind e.g. {@code ollama}
 * @param url the target's URL, without user info or secret query parameters
 * @param serverVersion null when not known
 * @param modelDigest null when not known
 * @param quantization null when not known
 * @param simulated true when the answers did not come from a model: say so wherever the result is shown
 * @param details anything else the target reported (GPU, ...), kept in key order
 * @param runnerHost the host name of the machine that ran the engine
 * @param javaVersion {@code java.version} of the runner
 */
public record Environment(String targetKind, String url, String serverVersion, String modelDigest,
        String quantization, boolean simulated, Map<String, String> details, String runnerHost, String javaVersion) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param targetKind e.g. {@code ollama}
     * @param url the target's URL, without user info or secret query parameters
     * @param serverVersion null when not known
     * @param modelDigest null when not known
     * @param quantization null when not known
     * @param simulated true when the answers did not come from a model: say so wherever the result is shown
     * @param details anything else the target reported (GPU, ...), kept in key order
     * @param runnerHost the host name of the machine that ran the engine
     * @param javaVersion {@code java.version} of the runner
     */
    public Environment {
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(url, "url");
        url = RedactedUrl.of(url);
        details = TargetInfo.sortedCopy(details);
    }

    /**
     * {@return {@code target} as it described itself, run from this machine (its host name and Java version)}
     *
     * @param target what the target reported about itself
     */
    public static Environment of(TargetInfo target) {
        return new Environment(target.kind(), target.url(), target.serverVersion(), target.modelDigest(),
                target.quantization(), target.simulated(), target.details(), HostName.local("unknown"),
                System.getProperty("java.version"));
    }
}
