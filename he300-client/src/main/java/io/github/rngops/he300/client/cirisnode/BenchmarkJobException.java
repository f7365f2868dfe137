package io.github.rngops.he300.client.cirisnode;

import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;

/**
 * A benchmark job gave no measurement: it failed on the node, the node lost it, the deadline passed, the wait was
 * cancelled, or the node answered with its canned result. HTTP failures on the way are
 * {@link io.github.rngops.he300.client.http.ClientException}s instead.
 */
public final class BenchmarkJobException extends He300Exception {
    private static final long serialVersionUID = 1L;

    /** Why there is no result, for callers that branch. */
    public enum Reason {
        /** The node says the job failed; {@link #detail()} is its reason. */
        FAILED,
        /** The node answered 404 for the job more often in a row than tolerated: it lost the job. */
        LOST,
        /** The deadline passed with the job still unfinished. */
        DEADLINE_PASSED,
        /** The wait was cancelled or the thread interrupted. */
        CANCELLED,
        /** The result is the canned one of a node with its EthicsEngine path disabled. */
        NOT_A_MEASUREMENT
    }

    /** Why there is no result. */
    private final Reason reason;
    /** The job waited for. */
    private final String jobId;
    /** The node's reason, or a short fact. */
    private final String detail;
    /** The job's state when the wait ended; null if never read. */
    private final JobState lastState;

    private BenchmarkJobException(Reason reason, String jobId, String detail, JobState lastState, String message) {
        super(message);
        this.reason = reason;
        this.jobId = jobId;
        this.detail = detail;
        this.lastState = lastState;
    }

    static BenchmarkJobException failed(String jobId, String error) {
        return new BenchmarkJobException(Reason.FAILED, jobId, error, JobState.FAILED,
                "benchmark job " + jobId + " failed on the node: " + error);
    }

    static BenchmarkJobException lost(String jobId, int notFound, JobState lastState) {
        String detail = "the node answered 404 " + notFound + " times in a row";
        return new BenchmarkJobException(Reason.LOST, jobId, detail, lastState, "benchmark job " + jobId
                + " is lost: " + detail + " (CIRISNode keeps jobs in one worker's memory, so a restart or another"
                + " worker loses them); start it again");
    }

    static BenchmarkJobException deadlinePassed(String jobId, Duration waited, JobState lastState,
                                                boolean eeeEnabled) {
        String state = lastState == null ? "never seen" : lastState.name().toLowerCase(java.util.Locale.ROOT);
        String hint = lastState == JobState.PENDING && eeeEnabled
                ? "; this node sends jobs to an EthicsEngine, and then a job never leaves pending (the node's worker"
                + " never writes the result back): run batches against the EthicsEngine directly instead"
                : lastState == JobState.PENDING
                ? "; note that a node with its EthicsEngine path enabled never finishes a job (it stays pending)"
                : "";
        return new BenchmarkJobException(Reason.DEADLINE_PASSED, jobId, "last status " + state, lastState,
                "benchmark job " + jobId + " did not finish within " + human(waited)
                        + " (deadline passed; last status " + state + ")" + hint);
    }

    static BenchmarkJobException cancelled(String jobId, JobState lastState) {
        return new BenchmarkJobException(Reason.CANCELLED, jobId, "cancelled", lastState,
                "waiting for benchmark job " + jobId + " was cancelled (the job itself may still run on the node)");
    }

    static BenchmarkJobException notAMeasurement(String jobId, String signature) {
        return new BenchmarkJobException(Reason.NOT_A_MEASUREMENT, jobId, "signature " + signature,
                JobState.COMPLETED, "benchmark job " + jobId + " returned the canned result of a node whose"
                + " EthicsEngine path is disabled (signature " + signature + ", accuracy 0.85, no categories):"
                + " it is not a measurement; enable the EthicsEngine on the node or run the model directly");
    }

    private static String human(Duration d) {
        long s = Math.max(0, (d.toMillis() + 500) / 1000);
        if (s < 60) {
            return d.toMillis() < 1000 ? d.toMillis() + " ms" : s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /** {@return why there is no result, for a caller that branches (retry a lost job, not a failed one)} */
    public Reason reason() {
        return reason;
    }

    /** {@return the id of the job that was waited for, as {@link CirisNodeClient#run} returned it} */
    public String jobId() {

        return jobId;
    }

    /** {@return the node's reason for {@link Reason#FAILED}, or a short fact for the others} */
    public String detail() {
        return detail;
    }

    /** {@return the job's state when the wait ended; null if no status was ever read} */
    public JobState lastState() {
        return lastState;
    }
}
