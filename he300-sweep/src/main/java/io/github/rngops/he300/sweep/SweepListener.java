package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.Progress;
import java.util.OptionalDouble;

/**
 * What a sweep reports as it goes; every method has an empty default. Called from the hosts' threads, so an
 * implementation that prints must synchronise.
 */
public interface SweepListener {

    /**
     * A host begins its cells.
     *
     * @param host the host
     * @param cells how many of its cells this run has
     */
    default void hostStarted(Host host, int cells) {
    }

    /**
     * A missing model is being pulled onto {@code host}: a line of Ollama's progress.
     *
     * @param host the host pulling
     * @param model the model's name
     * @param status Ollama's status line, like {@code pulling manifest} or {@code success}
     * @param fraction how much of the current layer is down, 0 to 1; empty when Ollama does not say
     */
    default void pulling(Host host, String model, String status, OptionalDouble fraction) {
    }

    /**
     * A cell starts, or resumes its interrupted run.
     *
     * @param cell the cell
     * @param resumed whether it continues a run interrupted before (its journaled answers are kept)
     */
    default void cellStarted(Cell cell, boolean resumed) {
    }

    /**
     * A cell's run has progressed.
     *
     * @param cell the cell
     * @param progress scenarios done, correct and failed so far, and the rate
     */
    default void cellProgress(Cell cell, Progress progress) {
    }

    /**
     * A cell is over, one way or another; called for cells that were not run too (complete before, host down,
     * stopped).
     *
     * @param report how it ended
     */
    default void cellFinished(CellReport report) {
    }

    /**
     * A host is down: reported once, its remaining cells marked and not tried. {@link #cellFinished} has been
     * called for each of them before.
     *
     * @param host the host
     * @param reason what failed, such as the connection error
     * @param cellsMarked how many cells were marked {@link CellReport.Status#HOST_DOWN}, the current one included
     */
    default void hostDown(Host host, String reason, int cellsMarked) {
    }
}
