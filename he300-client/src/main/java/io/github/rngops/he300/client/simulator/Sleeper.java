package io.github.rngops.he300.client.simulator;

import java.time.Duration;

/** How the simulator waits out latency; tests may install one that does not sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}; returns at once for zero. */
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
