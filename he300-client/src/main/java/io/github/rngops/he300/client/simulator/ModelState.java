package io.github.rngops.he300.client.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which models are "loaded" ({@code /api/ps}): those used in the last five minutes, Ollama's keep-alive. */
final class ModelState {

    static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<SimulatedModel, Instant> expiries = new ConcurrentHashMap<>();

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
}
