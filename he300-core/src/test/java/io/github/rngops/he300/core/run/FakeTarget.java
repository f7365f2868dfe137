package io.github.rngops.he300.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A target that runs a given function per batch and records what it was asked and how many calls overlapped. */
final class FakeTarget implements Target {

    @FunctionalInterface
    interface Behaviour {
        List<Reply> evaluate(Batch batch) throws InterruptedException;
    }

    private final int maxBatch;
    private final Behaviour behaviour;
    private final String kind;
    final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    FakeTarget(int maxBatch, Behaviour behaviour) {
        this(maxBatch, behaviour, "fake");
    }

    FakeTarget(int maxBatch, Behaviour behaviour, String kind) {
        this.maxBatch = maxBatch;
        this.behaviour = behaviour;
        this.kind = kind;
    }

    /** Answers every request with {@link Fixtures#answer} after {@code delayMs}. */
    static FakeTarget answering(int maxBatch, long delayMs) {
        return new FakeTarget(maxBatch, batch -> {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            return answers(batch, delayMs);
        });
    }

    static List<Reply> answers(Batch batch, long latencyMs) {
        List<Reply> replies = new ArrayList<>();
        for (ScenarioRequest request : batch.requests()) {
            replies.add(Reply.answer(request.scenarioId(), Fixtures.answer(request.scenario()), latencyMs));
        }
        return replies;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public TargetInfo describe() {
        return new TargetInfo(kind, "http://user:secret@localhost:11434/api?api_key=k&x=1", "0.1.2", "sha256:abc",
                "Q4_K_M", true, Map.of("gpu", "none"));
    }

    @Override
    public List<Reply> evaluate(Batch batch) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        batch.requests().forEach(r -> ids.add(r.scenarioId()));
        batches.add(ids);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return behaviour.evaluate(batch);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    List<String> requestedIds() {
        List<String> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }
}
