package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One run in progress: schedules its batches, records outcomes exactly once, and makes the result.
 *
 * <p>Exactly once: an outcome enters {@link #outcomes} only through {@link #record}, which holds {@link #lock}, puts
 * only if absent, and refuses everything once the run has finished. Whoever comes first for a scenario wins: the
 * target's reply, the batch's timeout, or the engine's verdict on a reply that never came. A batch that ends always
 * accounts for each of its scenarios, so a run whose batches have all ended has an outcome for every scenario unless it
 * was stopped.
 */
final class Execution {

    static final String RESULT_FILE = "result.json";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final RunEngine.Config config;
    private final RunPlan plan;
    private final RunSpec spec;
    private final RunSettings settings;
    private final Environment environment;
    private final Path runDir;
    private final Journal journal;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final int resumed;
    private final List<List<Scenario>> batches = new ArrayList<>();
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final Instant start;

    private final Object lock = new Object();
    // Guarded by lock:
    private int nextBatch;
    private int inFlight;
    private boolean finished;
    private boolean closed;
    private Ending stopping;
    private int evaluated;
    private int correct;
    private int failed;
    private ErrorKind firstKind;
    private String firstMessage;
    private boolean allFailedAlike = true;

    Execution(RunEngine.Config config, RunPlan plan, RunSettings settings, Environment environment, Path runDir,
            Journal journal, Map<String, Outcome> journaled) {
        this.config = config;
        this.plan = plan;
        this.spec = RunSpec.of(plan.sample());
        this.settings = settings;
        this.environment = environment;
        this.runDir = runDir;
        this.journal = journal;
        plan.sample().scenarios().forEach(s -> scenarios.put(s.id(), s));
        outcomes.putAll(journaled);
        this.resumed = journaled.size();
        journaled.values().forEach(o -> count(o));
        List<Scenario> pending = new ArrayList<>();
        plan.sample().scenarios().stream().filter(s -> !journaled.containsKey(s.id())).forEach(pending::add);
        for (int from = 0; from < pending.size(); from += settings.maxBatch()) {
            batches.add(List.copyOf(pending.subList(from, Math.min(pending.size(), from + settings.maxBatch()))));
        }
        int run = RUNS.incrementAndGet();
        this.workers = Executors.newCachedThreadPool(threads("he300-run" + run + "-batch-"));
        this.timer = new ScheduledThreadPoolExecutor(1, threads("he300-run" + run + "-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        this.start = config.clock().instant();
    }

    void start() {
        if (config.deadline() != null) {
            timer.schedule(() -> finish(Ending.DEADLINE, null), config.deadline().toNanos(), TimeUnit.NANOSECONDS);
        }
        boolean nothingToDo;
        synchronized (lock) {
            nothingToDo = batches.isEmpty();
            launchMore();
        }
        if (nothingToDo) {
            finish(Ending.COMPLETED, null);
        }
    }

    /** Starts batches while there are free slots and the run is not stopping. Holds the lock. */
    private void launchMore() {
        while (!finished && !closed && stopping == null && inFlight < config.concurrency()
                && nextBatch < batches.size()) {
            InFlight batch = new InFlight(batches.get(nextBatch++), config.clock().instant().plus(config.batchTimeout()));
            inFlight++;
            batch.task = workers.submit(() -> evaluate(batch));
            batch.timeout = timer.schedule(() -> timeOut(batch), config.batchTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void evaluate(InFlight batch) {
        Instant sent = config.clock().instant();
        ErrorKind missingKind = ErrorKind.INVALID_RESPONSE;
        String missingMessage = "the target's reply had no answer for this scenario";
        int missingAttempts = 1;
        try {
            List<ScenarioRequest> requests = new ArrayList<>(batch.scenarios.size());
            batch.scenarios.values().forEach(
                    s -> requests.add(new ScenarioRequest(s, plan.prompts().render(s), plan.generation())));
            List<Reply> replies = config.target().evaluate(new Batch(requests, batch.deadline));
            for (Reply reply : replies == null ? List.<Reply>of() : replies) {
                Scenario scenario = reply == null ? null : batch.scenarios.get(reply.scenarioId());
                if (scenario != null) {
                    record(Grading.grade(scenario, reply, plan.parser()));
                }
            }
        } catch (TargetException e) {
            missingKind = e.kind();
            missingMessage = e.getMessage();
            missingAttempts = e.attempts();
        } catch (InterruptedException e) {
            missingKind = ErrorKind.CANCELLED;
            missingMessage = "the target call was interrupted";
        } catch (RuntimeException e) {
            // The boundary of foreign code: a target's bug becomes the outcome of its scenarios, not a lost run.
            missingKind = ErrorKind.OTHER;
            missingMessage = "the target failed: " + e;
        } finally {
            long elapsed = Math.max(0, Duration.between(sent, config.clock().instant()).toMillis());
            for (Scenario scenario : batch.scenarios.values()) {
                if (!outcomes.containsKey(scenario.id())) {
                    record(Grading.failed(scenario, missingKind, missingMessage, elapsed, missingAttempts));
                }
            }
            ended(batch);
        }
    }

    private void timeOut(InFlight batch) {
        String message = "no answer within " + config.batchTimeout().toMillis() + " ms (the batch timeout)";
        for (Scenario scenario : batch.scenarios.values()) {
            record(Grading.failed(scenario, ErrorKind.TIMEOUT, message, config.batchTimeout().toMillis(), 1));
        }
        batch.task.cancel(true);
    }

    private void ended(InFlight batch) {
        batch.timeout.cancel(false);
        Ending ending;
        synchronized (lock) {
            inFlight--;
            launchMore();
            if (finished || inFlight > 0 || (stopping == null && nextBatch < batches.size())) {
                return;
            }
            ending = stopping == null ? Ending.COMPLETED : stopping;
        }
        finish(ending, null);
    }

    /** Records {@code outcome} unless its scenario already has one or the run has finished. */
    private void record(Outcome outcome) {
        String abort = null;
        Throwable cause = null;
        boolean failFast;
        boolean complete;
        int count;
        synchronized (lock) {
            if (closed || !scenarios.containsKey(outcome.scenarioId())
                    || outcomes.putIfAbsent(outcome.scenarioId(), outcome) != null) {
                return;
            }
            evaluated++;
            count(outcome);
            failFast = noteForFailFast(outcome);
            complete = outcomes.size() == scenarios.size();
            count = evaluated;
            if (journal != null) {
                try {
                    journal.append(outcome);
                } catch (IOException e) {
                    abort = "cannot append to the journal " + journal.file() + ": " + e.getMessage();
                    cause = e;
                }
            }
            if (abort == null) {
                Progress progress = progress();
                try {
                    config.listeners().forEach(listener -> listener.onProgress(progress));
                } catch (RuntimeException e) {
                    abort = "a progress listener failed: " + e;
                    cause = e;
                }
            }
            // No outcome after the one that ends the run.
            closed = abort != null || failFast;
        }
        if (abort != null) {
            String message = abort;
            Throwable why = cause;
            finish(Ending.ABORTED, result -> RunFailedException.aborted(message, result, why));
        } else if (failFast) {
            ErrorKind kind = firstKind;
            String first = firstMessage;
            finish(Ending.FAILED_FAST, result -> RunFailedException.failedFast(count, kind, first, result));
        } else if (complete) {
            finish(Ending.COMPLETED, null);
        }
    }

    private void count(Outcome outcome) {
        if (outcome.correct()) {
            correct++;
        } else if (outcome instanceof Outcome.Failed) {
            failed++;
        }
    }

    /** Whether the first fail-fast-many outcomes of this run have now all failed with one kind. Holds the lock. */
    private boolean noteForFailFast(Outcome outcome) {
        if (config.failFast() == 0 || evaluated > config.failFast()) {
            return false;
        }
        if (!(outcome instanceof Outcome.Failed)) {
            allFailedAlike = false;
        } else if (evaluated == 1) {
            firstKind = ((Outcome.Failed) outcome).kind();
            firstMessage = ((Outcome.Failed) outcome).message();
        } else if (((Outcome.Failed) outcome).kind() != firstKind) {
            allFailedAlike = false;
        }
        return allFailedAlike && evaluated == config.failFast();
    }

    /** Holds the lock. */
    private Progress progress() {
        int total = scenarios.size();
        double seconds = Duration.between(start, config.clock().instant()).toNanos() / 1e9;
        double rate = seconds > 0 ? evaluated / seconds : 0;
        long eta = rate > 0 ? Math.round((total - outcomes.size()) / rate * 1000) : -1;
        return new Progress(outcomes.size(), total, correct, failed, rate, eta);
    }

    Progress currentProgress() {
        synchronized (lock) {
            return progress();
        }
    }

    /**
     * Ends the run: refuses further outcomes, makes the result, writes it beside the journal, and completes.
     * In-flight batches are interrupted and their scenarios stay without an outcome. Only the first call acts.
     */
    private void finish(Ending ending, Function<RunResult, RuntimeException> failure) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            closed = true;
        }
        timer.shutdownNow();
        boolean complete = outcomes.size() == scenarios.size();
        Ending actual = complete && (ending == Ending.STOPPED || ending == Ending.DEADLINE) ? Ending.COMPLETED : ending;
        RunResult result = RunResult.of(spec, plan.sample().scenarios(), settings, environment,
                Timing.of(start, config.clock().instant(), evaluated, resumed), actual, outcomes);
        RuntimeException problem = failure == null ? null : failure.apply(result);
        if (runDir != null) {
            try {
                journal.close();
                RunResultJson.write(result, runDir.resolve(RESULT_FILE));
            } catch (IOException | UncheckedIOException e) {
                if (problem == null) {
                    problem = RunFailedException.aborted("cannot write the result to " + runDir.resolve(RESULT_FILE)
                            + ": " + e.getMessage(), result, e);
                }
            }
        }
        workers.shutdownNow();
        if (problem == null) {
            done.complete(result);
        } else {
            done.completeExceptionally(problem);
        }
    }

    RunResult stop(Duration grace) {
        boolean idle;
        synchronized (lock) {
            if (stopping == null) {
                stopping = Ending.STOPPED;
            }
            idle = inFlight == 0;
        }
        if (idle) {
            finish(Ending.STOPPED, null);
        }
        try {
            done.get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            finish(Ending.STOPPED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(Ending.STOPPED, null);
        }
        return await();
    }

    RunResult await() {
        try {
            return done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    CompletableFuture<RunResult> completion() {
        return done;
    }

    Path directory() {
        return runDir;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A batch that was started. */
    private static final class InFlight {
        final Map<String, Scenario> scenarios = new LinkedHashMap<>();
        final Instant deadline;
        java.util.concurrent.Future<?> task;
        java.util.concurrent.ScheduledFuture<?> timeout;

        InFlight(List<Scenario> scenarios, Instant deadline) {
            scenarios.forEach(s -> this.scenarios.put(s.id(), s));
            this.deadline = deadline;
        }
    }
}
