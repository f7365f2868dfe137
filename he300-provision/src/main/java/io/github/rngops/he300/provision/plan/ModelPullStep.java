package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.client.ollama.LocalModel;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.ollama.PullProgress;
import io.github.rngops.he300.provision.config.ModelPull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The models of the config in the host's Ollama, pulled through the runner's way to the host's loopback port (an SSH
 * forward, or directly on this machine) with progress. Checked by {@code /api/tags}.
 */
final class ModelPullStep implements Step {
    static final String NAME = "models";
    private static final HttpSettings CHECK = HttpSettings.builder().retry(RetrySettings.none())
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        if (host.config().vllm()) {
            return Check.skipped("vLLM downloads " + host.config().huggingFaceModel().orElseThrow()
                    + " itself when it starts; the health step waits for it");
        }
        try {
            List<String> missing = missing(host);
            return missing.isEmpty() ? Check.ok("present: " + String.join(", ", tags(host)))
                    : Check.needed("to pull: " + String.join(", ", missing));
        } catch (ClientException e) {
            return Check.needed("Ollama on port " + port(host) + " does not answer yet; to pull: "
                    + String.join(", ", tags(host)));
        }
    }

    @Override
    public List<Planned> plan(Host host) {
        List<Planned> out = new ArrayList<>();
        for (String tag : tags(host)) {
            out.add(Planned.note("pull " + tag + " through 127.0.0.1:" + port(host) + " on the host (POST /api/pull,"
                    + " unless /api/tags lists it)"));
        }
        return out;
    }

    @Override
    public Applied apply(Host host) {
        List<String> pulled = new ArrayList<>();
        try (Ports.Endpoint endpoint = host.ports().open(port(host));
                OllamaClient ollama = OllamaClient.builder().baseUrl(endpoint.url()).build()) {
            Set<String> present = names(ollama.tags());
            for (String tag : tags(host)) {
                if (present.contains(tag)) {
                    continue;
                }
                host.say("  pulling " + tag);
                Progress progress = new Progress(host);
                ollama.pull(tag, progress::report);
                pulled.add(tag);
            }
        }
        return Applied.done("pulled " + String.join(", ", pulled));
    }

    static int port(Host host) {
        return host.config().services().ollama().port();
    }

    static List<String> tags(Host host) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(host.config().models().defaultPull().tag().toString());
        for (ModelPull pull : host.config().models().pulls()) {
            tags.add(pull.tag().toString());
        }
        return List.copyOf(tags);
    }

    /**
     * The check asks once: an Ollama that does not answer is "not up yet" (the plan pulls after compose up), not a
     * transient failure worth the client's retries and their backoff (seconds of a dry run on a fresh host).
     */
    private static List<String> missing(Host host) {
        try (Ports.Endpoint endpoint = host.ports().open(port(host));
                OllamaClient ollama = OllamaClient.builder().baseUrl(endpoint.url()).settings(CHECK).build()) {
            Set<String> present = names(ollama.tags());
            return tags(host).stream().filter(tag -> !present.contains(tag)).toList();
        }
    }

    private static Set<String> names(List<LocalModel> models) {
        Set<String> names = new LinkedHashSet<>();
        for (LocalModel model : models) {
            names.add(model.name());
            names.add(model.model());
        }
        return names;
    }

    /** Prints a line at each new status and at every tenth of a download. */
    private static final class Progress {
        private final Host host;
        private String status = "";
        private int tenths = -1;

        Progress(Host host) {
            this.host = host;
        }

        void report(PullProgress progress) {
            int now = (int) Math.floor(progress.fraction().orElse(0) * 10);
            if (!progress.status().equals(status) || now > tenths) {
                host.say("  " + progress.status() + (progress.fraction().isPresent() ? " " + now * 10 + "%" : ""));
                status = progress.status();
                tenths = progress.status().equals(status) ? now : -1;
            }
        }
    }
}
