package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.provision.config.Grammar;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ./he300 install} / {@code uninstall} was asked, as the flags say. Target fields left empty come from
 * the config's {@code target:}.
 *
 * @param action what to do
 * @param host {@code --host}
 * @param port {@code --port}
 * @param user {@code --user}
 * @param identity {@code --identity KEYFILE}
 * @param knownHosts {@code --known-hosts FILE}
 * @param trustOnFirstUse {@code --trust-on-first-use}
 * @param local {@code --local}
 * @param config {@code --config FILE}
 * @param quickStart {@code --quick-start}
 * @param json {@code --json} (with {@code --facts})
 * @param dryRun {@code --dry-run}
 * @param yes {@code --yes}
 * @param fromStep {@code --from-step NAME}
 * @param argument the service for {@code --logs}, the model for {@code --pull-model} / {@code --set-model}, the
 *     secrets for {@code --rotate-secrets}
 * @param quantization {@code --quantization Q}
 * @param benchmark whether the plan ends with the quick HE-300 ({@code --no-benchmark} turns it off)
 * @param purgeModels {@code uninstall --purge-models}
 * @param root a file root for every path written (tests only; empty for a real host)
 */
public record Request(Action action, Optional<String> host, Optional<Integer> port, Optional<String> user,
        Optional<Path> identity, Optional<Path> knownHosts, boolean trustOnFirstUse, boolean local,
        Optional<Path> config, boolean quickStart, boolean json, boolean dryRun, boolean yes,
        Optional<String> fromStep, Optional<String> argument, Optional<String> quantization, boolean benchmark,
        boolean purgeModels, String root) {

    /**
     * Refuses flags that cannot work, before anything is read, probed or connected: a port outside 1..65535, a host
     * or user name outside their grammar, {@code --local} with {@code --host}.
     *
     * @param action what to do
     * @param host {@code --host}
     * @param port {@code --port}
     * @param user {@code --user}
     * @param identity {@code --identity KEYFILE}
     * @param knownHosts {@code --known-hosts FILE}
     * @param trustOnFirstUse {@code --trust-on-first-use}
     * @param local {@code --local}
     * @param config {@code --config FILE}
     * @param quickStart {@code --quick-start}
     * @param json {@code --json}
     * @param dryRun {@code --dry-run}
     * @param yes {@code --yes}
     * @param fromStep {@code --from-step NAME}
     * @param argument the action's argument (service, model, secrets), if it takes one
     * @param quantization {@code --quantization Q}
     * @param benchmark whether the plan ends with the quick HE-300
     * @param purgeModels {@code uninstall --purge-models}
     * @param root a file root for every path written; empty for a real host
     *
     * @throws He300Exception naming the flag, the value and what to do
     */
    public Request {
        Objects.requireNonNull(action, "action");
        port.filter(p -> p < 1 || p > 65535).ifPresent(p -> {
            throw new He300Exception("--port must be an SSH port 1..65535, was " + p);
        });
        host.filter(h -> !Grammar.isHost(h)).ifPresent(h -> {
            throw new He300Exception("--host must be a host name or address, like gpu-1.example.net, was '" + h + "'");
        });
        user.filter(u -> !Grammar.isUser(u)).ifPresent(u -> {
            throw new He300Exception("--user must be a user name, like ubuntu, was '" + u + "'");
        });
        if (local && host.isPresent()) {
            throw new He300Exception("--local works on this machine and --host " + host.get() + " over SSH: give"
                    + " one of them");
        }
    }

    /** The things install and uninstall do. */
    public enum Action {
        /** {@code install}: run the install plan. */
        INSTALL,
        /** {@code --facts}: print the host's facts ({@code --json} for JSON); nothing is changed. */
        FACTS,
        /** {@code --status}: {@code docker compose ps} of the stack. */
        STATUS,
        /** {@code --restart}: restart the stack's containers. */
        RESTART,
        /** {@code --logs [SERVICE]}: the last 200 lines of the stack's logs, or one service's. */
        LOGS,
        /** {@code --update}: pull newer images and recreate what changed. */
        UPDATE,
        /** {@code --pull-model MODEL}: pull a model into the host's Ollama, unless it is there already. */
        PULL_MODEL,
        /** {@code --list-models}: the registry's models in each quantization, and which the host's Ollama has. */
        LIST_MODELS,
        /** {@code --set-model MODEL}: make another model the default, then install as {@link #INSTALL} does. */
        SET_MODEL,
        /** {@code uninstall}: stop and remove the stack (the model volume kept unless {@code --purge-models}). */
        UNINSTALL,
        /** {@code --rotate-secrets NAMES}: the argument holds the names. */
        ROTATE_SECRETS
    }
}
