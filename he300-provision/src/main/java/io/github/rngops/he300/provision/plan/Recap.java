package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.plan.StepResult.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a plan ran: one result per step, in order.
 *
 * @param results every step's result, including those not run after a stop
 * @param dryRun whether nothing was changed on purpose
 */
public record Recap(List<StepResult> results, boolean dryRun) {
    /**
     * Copies the results, so the recap cannot change once made.
     *
     * @param results every step's result, including those not run after a stop
     * @param dryRun whether nothing was changed on purpose
     */
    public Recap {
        results = List.copyOf(results);
    }

    /** {@return the failed step, if any} */
    public Optional<StepResult> failure() {
        return results.stream().filter(r -> r.status() == Status.FAILED).findFirst();
    }

    /** {@return the step that stopped the plan on purpose (a reboot to announce), if any} */
    public Optional<StepResult> stop() {
        return results.stream().filter(r -> r.status() != Status.FAILED && !r.next().isEmpty()).findFirst();
    }

    /** {@return every step ended ok, changed or skipped (or would change, in a dry run)} */
    public boolean succeeded() {
        return failure().isEmpty() && stop().isEmpty();
    }

    /**
     * {@return how many steps ended with {@code status}}
     *
     * @param status the outcome to count
     */
    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** {@return the recap table: step, status, time, detail; then the counts} */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %-13s %8s  %s%n", "step", "status",
                "time", "detail"));
        for (StepResult r : results) {
            out.append(String.format(Locale.ROOT, "%-12s %-13s %6.1f s  %s%n", r.step(), r.status().label(),
                    r.duration().toMillis() / 1000.0, r.detail()));
        }
        out.append(String.format(Locale.ROOT, "%d ok, %d changed, %d skipped, %d failed", count(Status.OK),
                count(Status.CHANGED), count(Status.SKIPPED), count(Status.FAILED)));
        if (dryRun) {
            out.append(String.format(Locale.ROOT, ", %d would change (dry run: nothing changed)",
                    count(Status.WOULD_CHANGE)));
        }
        if (count(Status.NOT_RUN) > 0) {
            out.append(", ").append(count(Status.NOT_RUN)).append(" not run");
        }
        return out.append(System.lineSeparator()).toString();
    }
}
