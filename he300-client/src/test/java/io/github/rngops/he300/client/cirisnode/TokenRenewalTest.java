package io.github.rngops.he300.client.cirisnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.http.ClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenRenewalTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void refreshesAMinuteBeforeExpiry(FakeCirisNode.Version version) {
        NodeFixture f = new NodeFixture(server, version);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.clock.advance(Duration.ofMinutes(58).plusSeconds(50));
            client.status(job);
            assertThat(f.node.refreshes).hasValue(0);
            f.clock.advance(Duration.ofSeconds(20)); // 59:10, inside the last minute
            client.status(job);
            assertThat(f.node.refreshes).hasValue(1);
            f.clock.advance(Duration.ofMinutes(30));
            client.status(job);
        }
        assertThat(f.node.logins).hasValue(1);
        assertThat(f.node.refreshes).hasValue(1);
        assertThat(f.node.rejected).hasValue(0);
    }

    @Test
    void aFailedRefreshFallsBackToAFreshLogin() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        f.node.refreshRejects = true;
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
            assertThat(client.status(job).jobId()).isEqualTo(job);
        }
        assertThat(f.node.logins).hasValue(2);
        assertThat(f.node.refreshes).hasValue(0);
        assertThat(f.node.paths).contains("POST /auth/refresh");
    }

    @Test
    void anExpiredTokenIsReplacedByALoginWithoutTryingRefresh() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.OLDER);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.clock.advance(Duration.ofHours(2));
            client.status(job);
        }
        assertThat(f.node.logins).hasValue(2);
        assertThat(f.node.paths).doesNotContain("POST /auth/refresh");
        assertThat(f.node.rejected).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void concurrentRequestsLogInOnceAndRenewOnce(FakeCirisNode.Version version) throws Exception {
        NodeFixture f = new NodeFixture(server, version);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = together(16, () -> client.run(RunRequest.he300())).get(0);
            assertThat(f.node.logins).hasValue(1);
            f.clock.advance(Duration.ofMinutes(59).plusSeconds(30));
            together(16, () -> client.status(job).jobId());
            assertThat(f.node.refreshes).hasValue(1);
            assertThat(f.node.logins).hasValue(1);
        }
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void aRejectedTokenIsRenewedOnceAndTheCallReplayedOnce(FakeCirisNode.Version version) {
        NodeFixture f = new NodeFixture(server, version);
        try (CirisNodeClient client = f.loggedIn()) {
            client.run(RunRequest.he300());
            f.node.forgetTokens(); // a restart with a new secret
            assertThat(client.run(RunRequest.he300())).startsWith("he300-");
        }
        assertThat(f.node.logins).hasValue(2);
        assertThat(f.node.rejected).hasValue(1);
        assertThat(f.node.runs).hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void concurrentRejectionsRenewOnce(FakeCirisNode.Version version) throws Exception {
        NodeFixture f = new NodeFixture(server, version);
        try (CirisNodeClient client = f.loggedIn()) {
            String job = client.run(RunRequest.he300());
            f.node.forgetTokens();
            together(12, () -> client.status(job).jobId());
        }
        assertThat(f.node.logins).hasValue(2);
    }

    @ParameterizedTest
    @EnumSource(FakeCirisNode.Version.class)
    void aTokenRejectedAgainAfterRenewalIsAnAuthFailureNotALoop(FakeCirisNode.Version version) {
        NodeFixture f = new NodeFixture(server, version);
        try (CirisNodeClient client = f.loggedIn()) {
            f.node.rejectAllTokens = true;
            assertThatThrownBy(() -> client.run(RunRequest.he300()))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ClientException.Kind.AUTH);
                        assertThat(e.getMessage()).contains("authentication failed");
                    });
        }
        assertThat(f.node.rejected).hasValue(2);
        assertThat(f.node.logins).hasValue(2);
        assertThat(f.node.runs).hasValue(0);
    }

    @Test
    void aWrongPasswordFailsTheCallClearly() {
        NodeFixture f = new NodeFixture(server, FakeCirisNode.Version.NEWEST);
        try (CirisNodeClient client = f.client().login("alice", "wrong-password-42").build()) {
            assertThatThrownBy(() -> client.run(RunRequest.he300()))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ClientException.Kind.AUTH);
                        assertThat(e.getMessage()).contains("check the username and password")
                                .doesNotContain("wrong-password-42");
                    });
        }
        assertThat(f.node.runs).hasValue(0);
    }

    private static <T> List<T> together(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
