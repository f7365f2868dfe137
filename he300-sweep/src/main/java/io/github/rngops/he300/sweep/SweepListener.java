package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.Progress;
import java.util.OptionalDouble;

/**
 * What a sweep reports as it goes; every method has an empty default. Called from the hosts' threads, so an
 * implementation that prints must synchronise.
 */
public interface SweepListener {

    /** A host begins its cells. */
    default void hostStarted(Host host, int cells) {
    }

    /** A missing model is being pulled onto {@code host}: a line of Ollama's progress. */
    default void pulling(Host host, String model, String status, OptionalDouble fraction) {
    }

    /** A cell starts, or resumes its interrupted run. */
    default void cellStarted(Cell cell, boolean resumed) {
    }

    /** A cell's run has progressed. */
    default void cellProgress(Cell cell, Progress progress) {
    }

    /** A cell is over, one way or another. */
    default void cellFinished(CellReport report) {
    }

    /** A host is down: reported once, its remaining cells marked and not tried. */
    default void hostDown(Host host, String reason, int cellsMarked) {
    }
}
