package io.github.rngops.he300.core.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A run in progress, from {@link RunEngine#start} or {@link RunEngine#resume}. Wait for its result with
 * {@link #await()}, or end it early with {@link #stop(Duration)}, e.g. from a shutdown hook on Ctrl-C:
 *
 * <pre>{@code
 * Run run = engine.start(plan, runDir);
 * Runtime.getRuntime().addShutdownHook(new Thread(() -> run.stop(Duration.ofSeconds(5))));
 * RunResult result = run.await();
 * }</pre>
 */
public final class Run {

    private final Execution execution;

    Run(Execution execution) {
        this.execution = execution;
    }

    /**
     * Waits for the run to end and returns its result: complete, or partial if it was stopped or its deadline
     * passed. Safe to call from several threads and more than once.
     *
     * @return the result
     * @throws RunFailedException if it failed fast or could not write its journal (the partial result is in it)
     */
    public RunResult await() {
        return execution.await();
    }

    /** {@return a stage that completes with the result, or with the {@link RunFailedException}, when the run ends} */
    public CompletionStage<RunResult> completion() {
        return execution.completion().minimalCompletionStage();
    }

    /**
     * Stops the run: sends no more batches, waits up to {@code grace} for the batches in flight, then gives up on the
     * rest. Scenarios without an outcome by then did not run: they are absent from the journal and the result, which
     * is marked incomplete, and {@link RunEngine#resume} sends them. Returns the result (at once if the run had
     * already ended); calling it again is harmless.
     *
     * @param grace how long to wait for the batches in flight; zero or positive
     * @return the result, marked incomplete if scenarios are left
     * @throws IllegalArgumentException if {@code grace} is negative
     * @throws RunFailedException if the run had already failed
     */
    public RunResult stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        return execution.stop(grace);
    }

    /**
     * Stops at once, waiting for nothing in flight: {@code stop(Duration.ZERO)}.
     *
     * @return the result, marked incomplete if scenarios are left
     * @throws RunFailedException if the run had already failed
     */
    public RunResult cancel() {
        return stop(Duration.ZERO);
    }

    /** {@return how far the run is now} */
    public Progress progress() {
        return execution.currentProgress();
    }

    /** {@return the run directory holding manifest, journal and result; empty for a run without one} */
    public Optional<Path> directory() {
        return Optional.ofNullable(execution.directory());
    }
}
