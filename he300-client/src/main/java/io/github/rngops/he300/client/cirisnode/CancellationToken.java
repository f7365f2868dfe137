package io.github.rngops.he300.client.cirisnode;

/**
 * Lets another thread stop a {@link CirisNodeClient#awaitResult wait} for a job: the wait ends with
 * {@link BenchmarkJobException.Reason#CANCELLED} at its next check (at most a fraction of a second when sleeping).
 * Cancelling stops the waiting, not the job on the node. Interrupting the waiting thread has the same effect.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** {@return a token not yet cancelled} */
    public static CancellationToken create() {
        return new CancellationToken();
    }

    /** A token that is never cancelled. */
    static CancellationToken none() {
        return new CancellationToken();
    }

    /** Cancels the waits that check this token; safe from any thread, and cancelling twice does nothing more. */
    public void cancel() {
        cancelled = true;
    }

    /** {@return whether {@link #cancel()} was called} */
    public boolean isCancelled() {

        return cancelled;
    }
}
