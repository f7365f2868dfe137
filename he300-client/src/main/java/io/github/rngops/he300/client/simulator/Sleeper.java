package io.github.rngops.he300.client.simulator;

import java.time.Duration;

/** How the simulator waits out latency; tests may install one that does not sleep. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits {@code duration}; returns at once for zero.
     *
     * @param duration how long to wait, zero or more
     * @throws InterruptedException when the simulator is closed (it interrupts requests in progress) or the thread is
     *                              interrupted otherwise
     */
    void sleep(Duration duration) throws InterruptedException;


    /** {@return {@link Thread#sleep(long, int)}: the real thing} */
    static Sleeper system() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                long nanos = duration.toNanos();
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
