package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

/** Polls a condition every millisecond, for at most 10 s. */
final class Waiting {
    private Waiting() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(giveUp);
            Thread.sleep(1);
        }
    }
}
