package io.github.rngops.he300.client.cirisnode;

/**
 * What {@code GET /api/v1/benchmarks/results/{id}} says about a job: not ready yet (the node answers 202), failed
 * (200 with an error), or done (200 with a result bundle). Branch with {@code instanceof}.
 */
public sealed interface JobResults permits JobResults.NotReady, JobResults.Failed, JobResults.Done {

    /** {@return the job} */
    String jobId();

    /**
     * The job is still pending or running (202).
     *
     * @param jobId  the job
     * @param detail the node's words, e.g. {@code Job still pending}
     */
    record NotReady(String jobId, String detail) implements JobResults {
    }

    /**
     * The job failed.
     *
     * @param jobId the job
     * @param error the node's reason
     */
    record Failed(String jobId, String error) implements JobResults {
    }

    /**
     * The job finished. Check {@link BenchmarkResult#isMeasurement()} before reporting it.
     *
     * @param jobId  the job
     * @param result the bundle
     */
    record Done(String jobId, BenchmarkResult result) implements JobResults {
    }
}
