package io.github.rngops.he300.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Scenarios for one {@link Target#evaluate} call, at most {@link Target#maxBatch()} of them, in sample order.
 *
 * @param requests what to send, one per scenario
 * @param deadline when the engine stops waiting for this batch (by the engine's clock)
 */
public record Batch(List<ScenarioRequest> requests, Instant deadline) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param requests what to send, one per scenario
     * @param deadline when the engine stops waiting for this batch (by the engine's clock)
     */
    public Batch {
        requests = List.copyOf(requests);
        Objects.requireNonNull(deadline, "deadline");
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one request");
        }
    }

    /** {@return how many scenarios the batch holds} */
    public int size() {
        return requests.size();
    }
}
