package io.github.rngops.he300.client.simulator;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generation slots, as Ollama's scheduler has them: at most {@code parallel} generate at once, up to
 * {@code maxQueue} more wait in arrival order (a fair semaphore), and beyond that a request is turned away.
 */
final class Admission {

    private final Semaphore slots;
    private final int maxQueue;
    private final AtomicInteger waiting;
    private final RequestLog log;

    Admission(int parallel, int maxQueue, RequestLog log) {
        this.slots = new Semaphore(parallel, true);
        this.maxQueue = maxQueue;
        this.log = log;
        this.waiting = log.waitingGauge();
    }

    /**
     * Takes a slot, waiting in line if need be.
     *
     * @return false, at once, when the queue is full
     */
    boolean enter() throws InterruptedException {
        // tryAcquire with a timeout honours fairness: it does not jump the queue as tryAcquire() would
        if (!slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            if (waiting.incrementAndGet() > maxQueue) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                slots.acquire();
            } finally {
                waiting.decrementAndGet();
            }
        }
        log.generationStarted();
        return true;
    }

    /** Gives a slot back; call once per successful {@link #enter()}. */
    void exit() {
        log.generationEnded();
        slots.release();
    }
}
