package io.github.rngops.he300.client.http;

import java.time.Duration;

/** Waits between retries; tests install one that records the wait and returns at once. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits {@code duration}.
     *
     * @param duration how long to wait, zero or more
     * @throws InterruptedException when the thread is interrupted while waiting; the caller gives up the call
     */
    void sleep(Duration duration) throws InterruptedException;


    /** {@return {@link Thread#sleep(long)}} */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
