package io.github.rngops.he300.client.cirisnode;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a job until it finishes, the deadline passes, the node loses it, or the wait is cancelled. Sleeps in short
 * slices so a cancellation is seen quickly.
 */
final class JobWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(JobWaiter.class);
    private static final Duration SLICE = Duration.ofMillis(200);

    private final CirisNodeClient client;
    private final Clock clock;
    private final Sleeper sleeper;

    JobWaiter(CirisNodeClient client, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    BenchmarkResult await(String jobId, JobPolling polling, CancellationToken cancel) {
        Instant start = clock.instant();
        Instant deadline = start.plus(polling.deadline());
        int notFound = 0;
        JobState last = null;
        boolean eeeEnabled = false;
        while (true) {
            if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw BenchmarkJobException.cancelled(jobId, last);
            }
            try {
                JobStatus status = client.status(jobId);
                notFound = 0;
                last = status.status();
                eeeEnabled = status.eeeEnabled();
                LOG.debug("job {}: {}", jobId, last);
                if (last.finished()) {
                    JobResults results = client.results(jobId);
                    if (results instanceof JobResults.Done) {
                        return ((JobResults.Done) results).result();
                    }
                    if (results instanceof JobResults.Failed) {
                        throw BenchmarkJobException.failed(jobId, ((JobResults.Failed) results).error());
                    }
                }
            } catch (ClientException e) {
                if (e.kind() != ClientException.Kind.STATUS || e.status() != 404) {
                    throw e;
                }
                notFound++;
                LOG.debug("job {}: not found ({} in a row, tolerating {})", jobId, notFound,
                        polling.toleratedNotFound());
                if (notFound > polling.toleratedNotFound()) {
                    throw BenchmarkJobException.lost(jobId, notFound, last);
                }
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw BenchmarkJobException.deadlinePassed(jobId, Duration.between(start, now), last, eeeEnabled);
            }
            Duration left = Duration.between(now, deadline);
            sleep(left.compareTo(polling.interval()) < 0 ? left : polling.interval(), cancel, jobId, last);
        }
    }

    private void sleep(Duration wait, CancellationToken cancel, String jobId, JobState last) {
        Duration remaining = wait;
        try {
            while (!remaining.isZero() && !remaining.isNegative()) {
                if (cancel.isCancelled()) {
                    throw BenchmarkJobException.cancelled(jobId, last);
                }
                Duration slice = remaining.compareTo(SLICE) < 0 ? remaining : SLICE;
                sleeper.sleep(slice);
                remaining = remaining.minus(slice);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BenchmarkJobException.cancelled(jobId, last);
        }
    }
}
