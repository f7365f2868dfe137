package io.github.rngops.he300.client.cirisnode;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.http.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIRISNode's JWTs: logs in on first use, renews {@code margin} before the token's {@code exp} with
 * {@code /auth/refresh}, falls back to a fresh login when the refresh fails, and logs in afresh when the node rejects
 * a token (a rejected token cannot be refreshed). One renewal at a time: threads that need a token while another
 * renews wait for its result instead of renewing again.
 */
final class LoginTokenSource implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(LoginTokenSource.class);

    /** The node's token routes. */
    interface Authority {
        /** {@code POST /auth/token}. */
        String login();

        /** {@code POST /auth/refresh} with {@code token}. */
        String refresh(String token);
    }

    private final Authority authority;
    private final Clock clock;
    private final Duration margin;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Held held;

    LoginTokenSource(Authority authority, Clock clock, Duration margin) {
        this.authority = authority;
        this.clock = clock;
        this.margin = margin;
    }

    @Override
    public String token() {
        Held current = held;
        if (current != null && !current.due(clock.instant())) {
            return current.token;
        }
        lock.lock();
        try {
            current = held;
            if (current != null && !current.due(clock.instant())) {
                return current.token;
            }
            held = current == null || current.expired(clock.instant()) ? login() : refreshOrLogin(current);
            return held.token;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String renew(String rejected) {
        lock.lock();
        try {
            Held current = held;
            if (current != null && !current.token.equals(rejected) && !current.due(clock.instant())) {
                return current.token; // another thread renewed already
            }
            LOG.debug("CIRISNode rejected the token; logging in again");
            held = login();
            return held.token;
        } finally {
            lock.unlock();
        }
    }

    private Held refreshOrLogin(Held current) {
        try {
            Held refreshed = hold(authority.refresh(current.token));
            LOG.debug("CIRISNode token refreshed; valid until {}", refreshed.expiry);
            return refreshed;
        } catch (ClientException e) {
            LOG.info("CIRISNode token refresh failed ({}); logging in again", e.getMessage());
            return login();
        }
    }

    private Held login() {
        Held fresh = hold(authority.login());
        LOG.debug("Logged in to CIRISNode; token valid until {}", fresh.expiry);
        return fresh;
    }

    private Held hold(String token) {
        Instant now = clock.instant();
        Instant expiry = Jwt.expiry(token).orElse(Instant.MAX);
        Duration life = expiry.equals(Instant.MAX) ? Duration.ZERO : Duration.between(now, expiry);
        // renew a minute ahead, but never so early that a short-lived token is renewed on every call
        Duration ahead = life.isZero() ? Duration.ZERO : life.dividedBy(2).compareTo(margin) < 0
                ? life.dividedBy(2) : margin;
        Instant renewAt = expiry.equals(Instant.MAX) ? Instant.MAX : expiry.minus(ahead);
        return new Held(token, expiry, renewAt);
    }

    /** A token and when to renew it. */
    private static final class Held {
        final String token;
        final Instant expiry;
        final Instant renewAt;

        Held(String token, Instant expiry, Instant renewAt) {
            this.token = token;
            this.expiry = expiry;
            this.renewAt = renewAt;
        }

        boolean due(Instant now) {
            return !now.isBefore(renewAt);
        }

        boolean expired(Instant now) {
            return !now.isBefore(expiry);
        }

        @Override
        public String toString() {
            return "token until " + expiry; // never the token
        }
    }
}
