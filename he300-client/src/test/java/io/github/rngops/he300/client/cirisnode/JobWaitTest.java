package io.github.rngops.he300.client.cirisnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobWaitTest {
    private static final JobPolling EVERY_5_S = JobPolling.ofDefaults().withInterval(Duration.ofSeconds(5))
            .withDeadline(Duration.ofMinutes(5));

    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void waitsThroughPendingAndRunningForTheResult(FakeCirisNode.Version version) {
        NodeFixture f = new NodeFixture(server, version);
        f.node.plan = FakeCirisNode.JobPlan.COMPLETES;
        f.node.pollsBeforeDone = 3;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            BenchmarkResult result = client.awaitResult(job, EVERY_5_S);
            assertThat(result.isMeasurement()).isTrue();
            assertThat(result.requireMeasurement()).isSameAs(result);
            assertThat(result.jobId()).isEqualTo(job);
        }
        assertThat(f.node.statusCalls).hasValue(4);
        assertThat(f.slept.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aResultThatIsStillNotReadyKeepsTheWaitGoing() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.COMPLETES;
        f.node.pollsBeforeDone = 1; // status says pending, results then says done: 202 never seen here
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            assertThat(client.results(job)).isInstanceOf(JobResults.NotReady.class);
            assertThat(client.awaitResult(job, EVERY_5_S).isMeasurement()).isTrue();
        }
    }

    @Test
    void aFailedJobEndsTheWaitWithTheNodesReason() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.OLDER);
        f.node.plan = FakeCirisNode.JobPlan.FAILS;
        f.node.pollsBeforeDone = 2;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            assertThatThrownBy(() -> client.awaitResult(job, EVERY_5_S))
                    .isInstanceOfSatisfying(BenchmarkJobException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.FAILED);
                        assertThat(e.detail()).isEqualTo("EEE batch 3 failed: HTTP 500");
                        assertThat(e.getMessage()).contains(job).contains("failed on the node");
                    });
        }
    }

    @Test
    void theCannedResultComesBackFlaggedAndIsRefusedOnDemand() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            BenchmarkResult result = client.awaitResult(job, EVERY_5_S);
            assertThat(result.isMeasurement()).isFalse();
            assertThat(result.signature()).isEqualTo(BenchmarkResult.CANNED_SIGNATURE);
            assertThat(result.summary().byCategory()).isEmpty();
            assertThatThrownBy(result::requireMeasurement).isInstanceOfSatisfying(BenchmarkJobException.class,
                    e -> assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.NOT_A_MEASUREMENT));
        }
        assertThat(f.slept).isEmpty();
    }

    @Test
    void saysPlainlyWhenTheDeadlinePassesAndWhy() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            JobPolling polling = JobPolling.ofDefaults().withInterval(Duration.ofSeconds(10))
                    .withDeadline(Duration.ofMinutes(2));
            assertThatThrownBy(() -> client.awaitResult(job, polling))
                    .isInstanceOfSatisfying(BenchmarkJobException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.DEADLINE_PASSED);
                        assertThat(e.lastState()).isEqualTo(JobState.PENDING);
                        assertThat(e.getMessage()).contains("did not finish within 2 min")
                                .contains("never leaves pending");
                    });
        }
        assertThat(f.node.statusCalls).hasValue(13);
    }

    @Test
    void toleratesAShort404Storm() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.COMPLETES;
        f.node.pollsBeforeDone = 2;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.node.status404Storm.set(4);
            assertThat(client.awaitResult(job, EVERY_5_S.withToleratedNotFound(4)).isMeasurement()).isTrue();
        }
    }

    @Test
    void aLong404StormIsALostJobAfterTheToleratedCount() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.OLDER);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.node.status404Storm.set(1000);
            assertThatThrownBy(() -> client.awaitResult(job, EVERY_5_S.withToleratedNotFound(5)))
                    .isInstanceOfSatisfying(BenchmarkJobException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.LOST);
                        assertThat(e.getMessage()).contains("404 6 times in a row").contains("start it again");
                    });
        }
        assertThat(f.node.statusCalls).hasValue(6);
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void aTokenThatExpiresDuringALongPollIsRefreshedAndThePollGoesOn(FakeCirisNode.Version version) {
        NodeFixture f = new NodeFixture(server, version);
        f.node.tokenLifetime = Duration.ofMinutes(3);
        f.node.plan = FakeCirisNode.JobPlan.COMPLETES;
        f.node.pollsBeforeDone = 14; // 14 polls 45 s apart: 10.5 minutes, past three token lifetimes
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            BenchmarkResult result = client.awaitResult(job,
                    EVERY_5_S.withInterval(Duration.ofSeconds(45)).withDeadline(Duration.ofMinutes(20)));
            assertThat(result.isMeasurement()).isTrue();
        }
        assertThat(f.node.logins).hasValue(1);
        assertThat(f.node.refreshes.get()).isBetween(4, 6);
        assertThat(f.node.rejected).hasValue(0);
    }

    @Test
    void cancellingTheTokenEndsTheWait() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        CancellationToken cancel = CancellationToken.create();
        AtomicInteger sleeps = new AtomicInteger();
        Sleeper cancelsOnTheThirdNap = d -> {
            f.clock.advance(d);
            if (sleeps.incrementAndGet() == 3) {
                cancel.cancel();
            }
        };
        try (CirisNodeClient client = f.client().http(f.http().toBuilder().sleeper(cancelsOnTheThirdNap).build())
                .login("alice", "correct horse battery staple").build()) {
            String job = client.run(RunRequest.he300());
            assertThatThrownBy(() -> client.awaitResult(job, EVERY_5_S, cancel))
                    .isInstanceOfSatisfying(BenchmarkJobException.class,
                            e -> assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.CANCELLED));
        }
        assertThat(sleeps).hasValue(3);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        try (CirisNodeClient client = f.client().http(f.http().toBuilder().sleeper(interrupted).build())
                .login("alice", "correct horse battery staple").build()) {
            String job = client.run(RunRequest.he300());
            assertThatThrownBy(() -> client.awaitResult(job, EVERY_5_S))
                    .isInstanceOfSatisfying(BenchmarkJobException.class,
                            e -> assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.CANCELLED));
            assertThat(Thread.interrupted()).isTrue(); // and clears it for the next test
        }
    }

    @Test
    void aCancelFromAnotherThreadStopsARealSleepQuickly() throws Exception {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.plan = FakeCirisNode.JobPlan.STUCK;
        f.node.apiKeys.add("node-api-key-1");
        CancellationToken cancel = CancellationToken.create();
        try (CirisNodeClient client = CirisNodeClient.builder().baseUrl(server.url("/").toString())
                .apiKey("node-api-key-1").http(HttpSettings.ofDefaults()).build()) {
            String job = client.run(RunRequest.he300());
            CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    client.awaitResult(job, JobPolling.ofDefaults().withInterval(Duration.ofMinutes(1)), cancel);
                    return null;
                } catch (BenchmarkJobException e) {
                    return e;
                }
            });
            Thread.sleep(100);
            long start = System.nanoTime();
            cancel.cancel();
            Throwable ended = waiting.get(5, TimeUnit.SECONDS);
            assertThat(ended).isInstanceOfSatisfying(BenchmarkJobException.class,
                    e -> assertThat(e.reason()).isEqualTo(BenchmarkJobException.Reason.CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
