package io.github.rngops.he300.client.cirisnode;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link CirisNodeClient#awaitResult} waits for a job.
 *
 * @param interval              between two polls of the job's status
 * @param deadline              the longest wait in all, after which the wait fails plainly
 * @param toleratedNotFound     how many 404s in a row on the job's status to take as a worker that does not hold
 *                              the job (a node with several workers) rather than a lost job
 */
public record JobPolling(Duration interval, Duration deadline, int toleratedNotFound) {

    public JobPolling {
        requirePositive("interval", interval);
        requirePositive("deadline", deadline);
        if (toleratedNotFound < 0 || toleratedNotFound > 1000) {
            throw new IllegalArgumentException("toleratedNotFound must be 0..1000, was " + toleratedNotFound);
        }
    }

    /** {@return every 5 s, for at most 30 min, tolerating 5 404s in a row} */
    public static JobPolling ofDefaults() {
        return new JobPolling(Duration.ofSeconds(5), Duration.ofMinutes(30), 5);
    }

    public JobPolling withInterval(Duration value) {
        return new JobPolling(value, deadline, toleratedNotFound);
    }

    public JobPolling withDeadline(Duration value) {
        return new JobPolling(interval, value, toleratedNotFound);
    }

    public JobPolling withToleratedNotFound(int value) {
        return new JobPolling(interval, deadline, value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
