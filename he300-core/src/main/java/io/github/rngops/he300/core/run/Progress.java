package io.github.rngops.he300.core.run;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a run is, after each outcome.
 *
 * @param done scenarios with an outcome, those resumed from the journal included
 * @param total scenarios in the sample
 * @param correct correct answers so far
 * @param failed failed scenarios so far
 * @param scenariosPerSecond outcomes per second since this run (or its resumed part) started
 * @param etaMillis the estimated time to the last outcome at that rate, or -1 while there is no rate yet
 */
public record Progress(int done, int total, int correct, int failed, double scenariosPerSecond, long etaMillis) {

    /** {@return the estimated time left, once there is a rate} */
    public Optional<Duration> eta() {
        return etaMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(etaMillis));
    }
}
