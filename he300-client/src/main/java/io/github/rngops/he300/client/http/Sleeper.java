package io.github.rngops.he300.client.http;

import java.time.Duration;

/** Waits between retries; tests install one that records the wait and returns at once. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@return {@link Thread#sleep(long)}} */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
