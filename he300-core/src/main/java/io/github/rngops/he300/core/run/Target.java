package io.github.rngops.he300.core.run;

import java.util.List;

/**
 * What the engine runs scenarios against: a model server, a benchmark service, a fake. The one evaluation SPI, so
 * every target is scheduled, journaled and scored the same way.
 *
 * <pre>{@code
 * Target echo = new Target() {
 *     public int maxBatch() { return 1; }
 *     public TargetInfo describe() { return TargetInfo.of("echo", "local:"); }
 *     public List<Reply> evaluate(Batch batch) {
 *         ScenarioRequest request = batch.requests().get(0);
 *         return List.of(Reply.answer(request.scenarioId(), "Ethical", 1));
 *     }
 * };
 * }</pre>
 *
 * <p>A target is plain blocking code: {@link #evaluate} sends the batch and returns when it has the answers. The
 * engine supplies the concurrency, calling {@code evaluate} from up to {@code concurrency} threads at once, so an
 * implementation must be thread-safe. It returns the raw answers; the engine parses them with the run's parser.
 */
public interface Target {

    /**
     * The most scenarios one {@link #evaluate} call takes: 1 for a chat or generate API (the engine runs several at
     * once), 50 for EthicsEngine's batch route, {@link Integer#MAX_VALUE} for a service that runs a whole sample as
     * one job.
     *
     * @return at least 1; the engine refuses to start a run otherwise
     */
    int maxBatch();

    /** {@return what the result's environment records about this target; called once, before the run starts} */
    TargetInfo describe();

    /**
     * Evaluates a batch, retrying as the target's protocol allows, and returns one reply per request. A reply for a
     * scenario not in the batch, or a second one for the same scenario, is ignored; a request with no reply becomes a
     * failed outcome ({@code invalid_response}).
     *
     * <p>Should return by {@link Batch#deadline()}: past it the engine records every unanswered scenario of the batch
     * as a timeout, interrupts the calling thread and ignores whatever the call returns later. Only when the call
     * returns (or throws) does the engine start another batch in its place.
     *
     * @param batch the requests, at most {@link #maxBatch()}, and the deadline
     * @return the replies, in any order
     * @throws TargetException when the whole batch failed in a way the target can name (every scenario without a
     *     reply gets its kind and message)
     * @throws InterruptedException when interrupted: the run is stopping or the batch timed out
     */
    List<Reply> evaluate(Batch batch) throws InterruptedException;
}
