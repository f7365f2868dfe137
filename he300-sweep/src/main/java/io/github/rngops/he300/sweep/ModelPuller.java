package io.github.rngops.he300.sweep;

import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;

/**
 * Makes sure an Ollama host has a model before its cells run: {@code /api/show}, and when it answers 404, a
 * {@code POST /api/pull} with its progress passed on. A pull that stalls (the client's stall watchdog) is called
 * again, since Ollama resumes an interrupted download, up to {@value #ATTEMPTS} times, as the installer's advice
 * says; any other failure ends it.
 */
final class ModelPuller {

    static final int ATTEMPTS = 3;
    static final Duration STALL = Duration.ofMinutes(1);

    private ModelPuller() {
    }

    /** @return whether the model had to be pulled */
    static boolean ensure(Host host, String url, Credentials credentials, String model, boolean pull,
            SweepListener listener) {
        return ensure(host, url, credentials, model, pull, listener, STALL);
    }

    /** As above, with the silence after which a pull counts as stalled (a minute, the client's default). */
    static boolean ensure(Host host, String url, Credentials credentials, String model, boolean pull,
            SweepListener listener, Duration stall) {
        OllamaClient.Builder builder = OllamaClient.builder().baseUrl(url).stallTimeout(stall);
        String bearer = credentials.token() != null ? credentials.token() : credentials.apiKey();
        if (bearer != null) {
            builder.auth(Auth.bearer(bearer));
        }
        try (OllamaClient ollama = builder.build()) {
            try {
                ollama.show(model);
                return false;
            } catch (ClientException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            if (!pull) {
                throw new He300Exception("model " + model + " is not on host " + host.name() + " and --no-pull was"
                        + " given: pull it there ('ollama pull " + model + "') or drop --no-pull");
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    ollama.pull(model, p -> listener.pulling(host, model, p.status(), p.fraction()));
                    return true;
                } catch (ClientException e) {
                    if (e.kind() != ClientException.Kind.STALLED || attempt == ATTEMPTS) {
                        throw e;
                    }
                    listener.pulling(host, model, "stalled; pulling again to resume (attempt " + (attempt + 1) + " of "
                            + ATTEMPTS + ")", java.util.OptionalDouble.empty());
                }
            }
        }
    }
}
