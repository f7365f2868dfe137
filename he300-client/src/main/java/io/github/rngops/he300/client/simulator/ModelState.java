package io.github.rngops.he300.client.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which models are "loaded" ({@code /api/ps}): those used in the last five minutes, Ollama's keep-alive; and which
 * pullable models have been pulled, so are served from then on.
 */
final class ModelState {

    static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<SimulatedModel, Instant> expiries = new ConcurrentHashMap<>();
    private final Set<SimulatedModel> pulled = ConcurrentHashMap.newKeySet();

    ModelState(Clock clock) {
        this.clock = clock;
    }

    void used(SimulatedModel model) {
        expiries.put(model, clock.instant().plus(KEEP_ALIVE));
    }

    /** The loaded models and when each expires. */
    Map<SimulatedModel, Instant> loaded() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> expiry.isBefore(now));
        return Map.copyOf(expiries);
    }

    void pulled(SimulatedModel model) {
        pulled.add(model);
    }

    /** The models served now: the settings' own, then those pulled. */
    List<SimulatedModel> served(SimulatorSettings settings) {
        List<SimulatedModel> all = new ArrayList<>(settings.models());
        settings.pullable().stream().filter(pulled::contains).forEach(all::add);
        return all;
    }

    /** The served model of that name, if any: one of the settings', or a pullable one already pulled. */
    Optional<SimulatedModel> find(SimulatorSettings settings, String name) {
        return settings.model(name).or(() -> settings.pullableModel(name).filter(pulled::contains));
    }
}
