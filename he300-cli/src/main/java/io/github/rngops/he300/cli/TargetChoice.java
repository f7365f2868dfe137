package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which target a benchmark runs against, from the flags and the environment, and why. The seed's way works as it
 * is: {@code export CIRISNODE_URL=…} and no {@code --target} means CIRISNode at that URL.
 *
 * <p>Order: {@code --simulate}; else {@code --target}; else the first of {@code CIRISNODE_URL},
 * {@code ETHICSENGINE_URL}, {@code OLLAMA_URL}, {@code OPENAI_BASE_URL} that is set. The URL: {@code --url}, else the
 * kind's variable, else its localhost default.
 *
 * @param kind the target's kind
 * @param url the URL to use; null for the simulator
 * @param model the model as given (the target drops a matching provider prefix); null when not given
 * @param reason how the choice was made, for the run's header line
 */
public record TargetChoice(TargetKind kind, String url, String model, String reason) {

    /** The variables consulted when no {@code --target} is given, in this order. */
    static final List<TargetKind> BY_ENVIRONMENT =
            List.of(TargetKind.CIRISNODE, TargetKind.ETHICSENGINE, TargetKind.OLLAMA, TargetKind.OPENAI);

    /**
     * Checks that kind and reason are given.
     *
     * @param kind the target kind
     * @param url its base URL; null for the simulator, which picks its own
     * @param model the model as given, or null
     * @param reason how the choice was made
     */
    public TargetChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The choice the flags and {@code env} make.
     *
     * @param target {@code --target}'s value, or null
     * @param simulate whether {@code --simulate} was given
     * @param url {@code --url}'s value, or null
     * @param model {@code --model}'s value, or null
     * @param env the environment, whose URL variables choose the target when no flag does
     * @return the kind, URL, model and why
     * @throws He300Exception when the flags contradict each other, name an unknown kind, name no target at all, or
     *     the URL (flag or variable) is not an http(s) base URL
     */
    public static TargetChoice resolve(String target, boolean simulate, String url, String model,
            Map<String, String> env) {
        TargetKind kind;
        String reason;
        if (simulate) {
            if (target != null && TargetKind.fromId(target).orElse(null) != TargetKind.SIMULATE) {
                throw new He300Exception("--simulate runs the simulator; it cannot be combined with --target "
                        + target);
            }
            if (url != null) {
                throw new He300Exception("--simulate starts its own simulator; drop --url " + url);
            }
            return new TargetChoice(TargetKind.SIMULATE, null, model, "--simulate");
        }
        if (target != null) {
            kind = TargetKind.fromId(target).orElseThrow(() -> new He300Exception("unknown target '" + target
                    + "': use one of " + TargetKind.allIds()));
            reason = "--target " + kind.id();
        } else {
            kind = BY_ENVIRONMENT.stream().filter(k -> present(env, k.urlVariable().orElseThrow())).findFirst()
                    .orElseThrow(() -> new He300Exception("no target: pass --simulate to try the simulator, or"
                            + " --target ollama|openai|ethicsengine|cirisnode (with --url), or set CIRISNODE_URL,"
                            + " ETHICSENGINE_URL, OLLAMA_URL or OPENAI_BASE_URL"));
            reason = "$" + kind.urlVariable().orElseThrow() + " is set";
        }
        if (kind == TargetKind.SIMULATE) {
            return resolve(null, true, url, model, env);
        }
        String variable = kind.urlVariable().orElseThrow();
        String chosenUrl;
        if (url != null && !url.isBlank()) {
            chosenUrl = ServerUrl.check(url, "--url");
        } else if (present(env, variable)) {
            chosenUrl = ServerUrl.check(env.get(variable), "$" + variable);
        } else {
            chosenUrl = kind.defaultUrl().orElseThrow();
        }
        return new TargetChoice(kind, chosenUrl, model, reason);
    }

    private static boolean present(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }

    /**
     * {@return the longest one HTTP attempt may take: {@code --timeout}, else what suits the kind}
     *
     * @param flag {@code --timeout}'s value, or null
     */
    public Duration requestTimeout(Duration flag) {
        if (flag != null) {
            return flag;
        }
        switch (kind) {
            case ETHICSENGINE:
                return Duration.ofMinutes(15);   // a batch of 50, answered one after another on the server
            case CIRISNODE:
                return Duration.ofMinutes(1);    // one submit or poll; the job's wait is the batch timeout
            default:
                return Duration.ofMinutes(5);
        }
    }

    /**
     * How long the engine waits for one batch: room for the request's retries; for CIRISNode, whose one batch is the
     * whole job, the run's deadline or 30 minutes.
     *
     * @param requestTimeout one attempt's limit, from {@link #requestTimeout}
     * @param deadline {@code --deadline}'s value, or null
     * @return the batch timeout to give the engine
     */
    public Duration batchTimeout(Duration requestTimeout, Duration deadline) {
        if (kind == TargetKind.CIRISNODE) {
            return deadline != null ? deadline : Duration.ofMinutes(30);
        }
        return requestTimeout.multipliedBy(3).plusSeconds(30);
    }
}
