package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.command.CommandException;
import io.github.rngops.he300.provision.plan.StepResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a {@link Plan} on a {@link Host}: for each step its check, then (unless a dry run) apply and verify — the
 * check again, on fresh facts where the step asks. Stops at the first failure with the step, the command (masked),
 * the last {@value Host#TAIL_LINES} lines of its output and what to do next; a step may stop the plan on purpose
 * (the driver announcing a reboot). A dry run runs only the checks and lists every command the steps would run.
 *
 * <pre>{@code
 * Recap recap = PlanRunner.create(System.out::println).run(Plan.install(), host, Mode.DRY_RUN);
 * }</pre>
 */
public final class PlanRunner {
    /** Whether steps apply. */
    public enum Mode {
        /** Check, apply what is needed, verify. */
        APPLY,
        /** Check only, and list the commands that would run; nothing on the host changes. */
        DRY_RUN
    }

    private final PlanListener listener;

    private PlanRunner(PlanListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * {@return a runner that tells {@code listener} what happens}
     *
     * @param listener hears every step and line of output; {@link PlanListener#silent()} for none
     */
    public static PlanRunner create(PlanListener listener) {
        return new PlanRunner(listener);
    }

    /**
     * Runs every step of {@code plan} on {@code host}, in order, until one fails or stops the plan; the steps after
     * it are listed as not run. A step's failure (a failing command, a {@link PlanException}, any
     * {@link He300Exception}) is caught and reported in the recap, not thrown. Running the same plan again changes
     * nothing that is already in place: every step's check finds it {@code ok}.
     *
     * @param plan the steps
     * @param host the host, its runner and its config
     * @param mode whether steps apply, or only check ({@link Mode#DRY_RUN})
     * @return one result per step of the plan
     */
    public Recap run(Plan plan, Host host, Mode mode) {
        host.listener(listener);
        List<StepResult> results = new ArrayList<>();
        boolean stopped = false;
        for (Step step : plan.steps()) {
            if (stopped) {
                results.add(StepResult.of(step.name(), Status.NOT_RUN, "", Duration.ZERO));
                continue;
            }
            listener.stepStarted(step.name());
            StepResult result = runStep(step, host, mode);
            results.add(result);
            listener.stepEnded(result);
            stopped = result.status() == Status.FAILED || !result.next().isEmpty();
        }
        return new Recap(results, mode == Mode.DRY_RUN);
    }

    private StepResult runStep(Step step, Host host, Mode mode) {
        Instant start = host.clock().instant();
        host.resetOutput();
        try {
            Check check = step.check(host);
            switch (check.state()) {
                case OK:
                    return result(step, Status.OK, check.detail(), "", host, start);
                case SKIPPED:
                    return result(step, Status.SKIPPED, check.detail(), "", host, start);
                case FAILED:
                    return failed(step, host, start, check.detail(), check.next());
                default:
                    break;
            }
            if (mode == Mode.DRY_RUN) {
                for (Planned planned : step.plan(host)) {
                    listener.line(host.mask("  would " + planned.summary()));
                    planned.command().ifPresent(c -> listener.line(host.mask("    $ " + c.displayLine())));
                }
                return result(step, Status.WOULD_CHANGE, check.detail(), "", host, start);
            }
            listener.line(host.mask("  " + check.detail()));
            Applied applied = step.apply(host);
            if (!applied.stop().isEmpty()) {
                return result(step, Status.CHANGED, applied.detail(), applied.stop(), host, start);
            }
            if (!step.changesHost()) {
                return result(step, Status.OK, applied.detail(), "", host, start);
            }
            if (step.refreshesFacts()) {
                host.refreshFacts();
            }
            Check verify = step.check(host);
            if (verify.state() != Check.State.OK) {
                return failed(step, host, start, "applied, but the check still finds: " + verify.detail(),
                        "look at the output above, fix the host, then run again with --from-step " + step.name());
            }
            return result(step, Status.CHANGED, applied.detail(), "", host, start);
        } catch (CommandException e) {
            return failed(step, host, start, e.getMessage(), "fix what the output says, then run again with"
                    + " --from-step " + step.name());
        } catch (PlanException e) {
            return failed(step, host, start, e.getMessage(), e.next());
        } catch (He300Exception e) {
            return failed(step, host, start, e.getMessage(), "run again with --from-step " + step.name()
                    + " once it is fixed");
        }
    }

    private static StepResult result(Step step, Status status, String detail, String next, Host host,
            Instant start) {
        return new StepResult(step.name(), status, host.mask(detail), "", List.of(), host.mask(next),
                Duration.between(start, host.clock().instant()));
    }

    private static StepResult failed(Step step, Host host, Instant start, String detail, String next) {
        return new StepResult(step.name(), Status.FAILED, host.mask(detail), host.mask(host.lastCommand()),
                host.tail(), host.mask(next), Duration.between(start, host.clock().instant()));
    }

    /**
     * {@return the failure report: step, command, output tail, what to do} Empty if the plan did not fail or stop.
     *
     * @param recap how a plan ran
     */
    public static Optional<String> report(Recap recap) {
        Optional<StepResult> failure = recap.failure();
        if (failure.isPresent()) {
            StepResult r = failure.get();
            StringBuilder out = new StringBuilder("FAILED at step " + r.step() + ": " + r.detail() + "\n");
            if (!r.command().isEmpty()) {
                out.append("  command: ").append(r.command()).append('\n');
            }
            if (!r.outputTail().isEmpty()) {
                out.append("  last ").append(r.outputTail().size()).append(" lines of its output:\n");
                r.outputTail().forEach(line -> out.append("    ").append(line).append('\n'));
            }
            return Optional.of(out.append("  next: ").append(r.next()).append('\n').toString());
        }
        return recap.stop().map(r -> "STOPPED after step " + r.step() + ": " + r.detail() + "\n  next: " + r.next()
                + "\n");
    }
}
