package io.github.rngops.he300.core.run;

/**
 * Receives a {@link Progress} after every outcome.
 *
 * <p>Called on the engine's own threads, one call at a time and in order, while the engine holds its recording
 * lock: return quickly (hand the event to a UI thread if drawing takes time), and do not throw. A listener that throws
 * ends the run ({@link Ending#ABORTED}).
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Takes note of how far the run is.
     *
     * @param progress the counts after the latest outcome
     */
    void onProgress(Progress progress);
}
