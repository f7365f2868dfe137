package io.github.rngops.he300.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a sweep ended: one report per cell, in plan order.
 *
 * @param plan the plan that ran
 * @param output the sweep's directory
 * @param cells how each cell ended
 */
public record SweepResult(SweepPlan plan, Path output, List<CellReport> cells) {

    /**
     * Copies the reports.
     *
     * @param plan the plan that ran
     * @param output the sweep's directory
     * @param cells how each cell ended, in plan order
     */
    public SweepResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(output, "output");
        cells = List.copyOf(cells);
    }

    /** {@return whether every cell has a complete result (this run's or an earlier one's)} */
    public boolean complete() {
        return cells.stream().allMatch(CellReport::complete);
    }

    /** {@return the run directories of the cells with a complete result, in plan order: the leaderboard's input} */
    public List<Path> completeDirectories() {
        return cells.stream().filter(CellReport::complete).map(CellReport::directory).toList();
    }

    /**
     * {@return how many cells ended with {@code status}}
     *
     * @param status a way a cell ends
     */
    public long count(CellReport.Status status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }
}
