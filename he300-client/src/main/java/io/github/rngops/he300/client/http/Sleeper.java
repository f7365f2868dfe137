package io.github.rngops.he300.client.http;

import java.time.Duration;

/**
 * Waits out a duration: between retries and job polls, and in the simulator, its latency. Tests install one that
 * records the wait and returns at once.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits {@code duration}.
     *
     * @param duration how long to wait; {@link #system()} returns at once for zero or less
     * @throws InterruptedException when the thread is interrupted while waiting (a closed simulator interrupts the
     *                              requests in progress); the caller gives up
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@return {@link Thread#sleep(long, int)} to the nanosecond: the real thing; zero or less returns at once} */
    static Sleeper system() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                long nanos = duration.toNanos();
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
