package io.github.rngops.he300.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the run (for a resumed run: its last part) started and ended.
 *
 * @param start when the engine started sending
 * @param end when the result was made
 * @param wallSeconds {@code end - start}
 * @param evaluated outcomes produced between start and end
 * @param resumed outcomes read back from the journal of an earlier part of the run
 * @param scenariosPerSecond {@code evaluated / wallSeconds}, 0 when no time passed
 */
public record Timing(Instant start, Instant end, double wallSeconds, int evaluated, int resumed,
        double scenariosPerSecond) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param start when the engine started sending
     * @param end when the result was made
     * @param wallSeconds {@code end - start}
     * @param evaluated outcomes produced between start and end
     * @param resumed outcomes read back from the journal of an earlier part of the run
     * @param scenariosPerSecond {@code evaluated / wallSeconds}, 0 when no time passed
     */
    public Timing {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * {@return the timing of {@code evaluated} outcomes made between {@code start} and {@code end}}
     *
     * @param start when the engine started sending
     * @param end when the result was made; an end before the start counts as no time
     * @param evaluated outcomes produced between them
     * @param resumed outcomes read back from an earlier part's journal
     */
    public static Timing of(Instant start, Instant end, int evaluated, int resumed) {
        double seconds = Math.max(0, Duration.between(start, end).toNanos() / 1e9);
        return new Timing(start, end, seconds, evaluated, resumed, seconds == 0 ? 0 : evaluated / seconds);
    }
}
