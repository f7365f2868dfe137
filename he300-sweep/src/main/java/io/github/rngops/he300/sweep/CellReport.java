package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.RunResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one cell ended.
 *
 * @param cell the cell
 * @param status how it ended
 * @param directory its run directory (an ordinary one: {@code ./he300 report} works on it)
 * @param message what went wrong, or empty
 * @param result its result when it has one (complete, or partial when it failed or was stopped)
 */
public record CellReport(Cell cell, Status status, Path directory, String message, RunResult result) {

    /** How a cell ended. */
    public enum Status {
        /** It ran to the end in this sweep. */
        COMPLETED,
        /** It had completed before ({@code --resume}): not run again. */
        ALREADY_COMPLETE,
        /** Its run failed (fail fast, a missing model, a refused credential). */
        FAILED,
        /** Its host was down: not tried. */
        HOST_DOWN,
        /** The sweep was stopped (Ctrl-C) before or while it ran; {@code --resume} continues it. */
        STOPPED
    }

    /**
     * Checks that cell, status and directory are given; a null message becomes empty.
     *
     * @param cell the cell
     * @param status how it ended
     * @param directory its run directory
     * @param message what went wrong, or empty (null is taken as empty)
     * @param result its result when it has one; null otherwise
     */
    public CellReport {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(directory, "directory");
        message = message == null ? "" : message;
    }

    /** {@return whether the cell has a complete result: {@link Status#COMPLETED} or {@link Status#ALREADY_COMPLETE}} */
    public boolean complete() {
        return status == Status.COMPLETED || status == Status.ALREADY_COMPLETE;
    }

    /** {@return the {@link #result()}, empty when the cell has none (not run, or its run could not start)} */
    public Optional<RunResult> optionalResult() {
        return Optional.ofNullable(result);
    }
}
