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

    /**
     * Checks the components, as the class description says of each.
     *
     * @param interval between two polls of the job's status; positive
     * @param deadline the longest wait in all; positive
     * @param toleratedNotFound how many 404s in a row are not yet a lost job, 0 to 1000
     * @throws IllegalArgumentException when a duration is not positive or the count is out of range
     */
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

    /**
     * {@return this polling with another interval}
     *
     * @param value between two polls; positive
     */
    public JobPolling withInterval(Duration value) {
        return new JobPolling(value, deadline, toleratedNotFound);
    }

    /**
     * {@return this polling with another deadline}
     *
     * @param value the longest wait in all; positive
     */
    public JobPolling withDeadline(Duration value) {
        return new JobPolling(interval, value, toleratedNotFound);
    }

    /**
     * {@return this polling tolerating another number of 404s in a row}
     *
     * @param value 0 to 1000; 0 takes the first 404 as a lost job
     */
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
