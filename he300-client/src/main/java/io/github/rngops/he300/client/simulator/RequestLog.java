package io.github.rngops.he300.client.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What a simulator served, for tests to assert on: the most recent requests (bounded; the oldest go first) and
 * gauges of the generation slots. Thread-safe and lock-free; entries appear when their response is complete.
 */
public final class RequestLog {

    private final int capacity;
    private final ConcurrentLinkedQueue<RequestRecord> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger generating = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger peakGenerating = new AtomicInteger();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    /** {@return the kept requests in arrival order ({@link RequestRecord#sequence()})} */
    public List<RequestRecord> entries() {
        List<RequestRecord> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingLong(RequestRecord::sequence));
        return List.copyOf(copy);
    }

    /**
     * {@return the kept requests that match {@code filter}, in arrival order}
     *
     * @param filter which requests to keep, e.g. {@code r -> r.status() == 429}
     */
    public List<RequestRecord> entries(Predicate<RequestRecord> filter) {

        return entries().stream().filter(filter).toList();
    }

    /** {@return the kept generation requests, in arrival order} */
    public List<RequestRecord> generations() {
        return entries(RequestRecord::isGeneration);
    }

    /** {@return how many requests are kept} */
    public int size() {
        return size.get();
    }

    /** Forgets every entry and resets the peak gauge to the current count. */
    public void clear() {
        while (entries.poll() != null) {
            size.decrementAndGet();
        }
        peakGenerating.set(generating.get());
    }

    /** {@return how many generations hold a slot now} */
    public int generating() {
        return generating.get();
    }

    /** {@return how many generation requests wait for a slot now} */
    public int waiting() {
        return waiting.get();
    }

    /** {@return the most generations that held a slot at once since start or {@link #clear()}} */
    public int peakGenerating() {
        return peakGenerating.get();
    }

    void add(RequestRecord record) {
        entries.add(record);
        if (size.incrementAndGet() > capacity && entries.poll() != null) {
            size.decrementAndGet();
        }
    }

    AtomicInteger waitingGauge() {
        return waiting;
    }

    void generationStarted() {
        int now = generating.incrementAndGet();
        peakGenerating.accumulateAndGet(now, Math::max);
    }

    void generationEnded() {
        generating.decrementAndGet();
    }

    @Override
    public String toString() {
        return "RequestLog[" + size() + " kept of at most " + capacity + ", generating " + generating() + ", waiting "
                + waiting() + ", peak " + peakGenerating() + "]";
    }
}
