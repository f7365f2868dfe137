package io.github.rngops.he300.client.cirisnode;

/** The 200 body of {@code GET /results/{id}}: a failed job's error or a finished job's result. */
record ResultsBody(String jobId, String status, String error, BenchmarkResult result) {
}
