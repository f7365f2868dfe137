package io.github.rngops.he300.client.cirisnode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.http.ClientException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginTokenSourceTest {
    private final TestClock clock = TestClock.atEpoch();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();

    private LoginTokenSource source(Duration life, boolean refreshWorks) {
        return new LoginTokenSource(new LoginTokenSource.Authority() {
            @Override
            public String login() {
                logins.incrementAndGet();
                return TestJwt.token("alice", "anonymous", clock.instant().plus(life));
            }

            @Override
            public String refresh(String token) {
                if (!refreshWorks) {
                    throw ClientException.of(ClientException.Kind.PROTOCOL, "POST", "/auth/refresh", "refused");
                }
                refreshes.incrementAndGet();
                return TestJwt.token("alice", "anonymous", clock.instant().plus(life));
            }
        }, clock, Duration.ofMinutes(1));
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifeNotOnEveryCall() {
        LoginTokenSource source = source(Duration.ofSeconds(30), true);
        String first = source.token();
        clock.advance(Duration.ofSeconds(10));
        assertThat(source.token()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(6));
        assertThat(source.token()).isNotEqualTo(first);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aTokenWithoutExpiryIsRenewedOnlyWhenRejected() {
        AtomicInteger calls = new AtomicInteger();
        LoginTokenSource source = new LoginTokenSource(new LoginTokenSource.Authority() {
            @Override
            public String login() {
                return TestJwt.withPayload("{\"sub\":\"alice\",\"n\":" + calls.incrementAndGet() + "}");
            }

            @Override
            public String refresh(String token) {
                throw new AssertionError("never refreshed");
            }
        }, clock, Duration.ofMinutes(1));
        String first = source.token();
        clock.advance(Duration.ofDays(30));
        assertThat(source.token()).isEqualTo(first);
        String second = source.renew(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(source.renew(first)).isEqualTo(second); // already renewed: no second login
        assertThat(calls).hasValue(2);
    }

    @Test
    void opaqueTokensAreTakenAsNeverExpiring() {
        assertThat(Jwt.expiry("not-a-jwt")).isEmpty();
        assertThat(Jwt.expiry("a.b.c")).isEmpty();
        assertThat(Jwt.expiry(TestJwt.withPayload("{\"exp\":\"soon\"}"))).isEmpty();
        assertThat(Jwt.expiry(TestJwt.withPayload("{\"exp\":1700000000}")))
                .contains(java.time.Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void aFailedRefreshLogsIn() {
        LoginTokenSource source = source(Duration.ofMinutes(60), false);
        source.token();
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        source.token();
        assertThat(logins).hasValue(2);
    }
}
