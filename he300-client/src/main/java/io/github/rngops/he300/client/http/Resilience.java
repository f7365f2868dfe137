package io.github.rngops.he300.client.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The resilience4j decorators of one transport: a {@link Retry} around a {@link CircuitBreaker} around one attempt.
 * The retry decision and the wait are made by {@link RetryPolicy} when the attempt ends and travel with its outcome;
 * the wait goes through the injected {@link Sleeper} (resilience4j's own sleep is then zero).
 */
final class Resilience {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Duration openDuration;
    private final Random random;
    private volatile Instant openedAt = Instant.EPOCH;
    private volatile int failuresAtOpen;
    private volatile int callsAtOpen;
    private volatile ClientException lastFailure;

    Resilience(String name, HttpSettings settings) {
        this.clock = settings.clock();
        this.openDuration = settings.circuitBreaker().openDuration();
        this.random = settings.random();
        Sleeper sleeper = settings.sleeper();
        RetryConfig retryConfig = RetryConfig.<Outcome>custom()
                .maxAttempts(settings.retry().maxAttempts())
                .retryOnResult(outcome -> outcome.retry)
                .retryOnException(t -> t instanceof AttemptFailure && ((AttemptFailure) t).retry)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((Integer attempt, Either<Throwable, Outcome> last) -> {
                    waitBeforeRetry(sleeper, attempt, last);
                    return 0L;
                })
                .build();
        this.retry = Retry.of(name, retryConfig);
        CircuitBreakerSettings cb = settings.circuitBreaker();
        this.breaker = cb.enabled() ? CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.openDuration())
                .permittedNumberOfCallsInHalfOpenState(cb.halfOpenCalls())
                .recordResult(result -> result instanceof Outcome && ((Outcome) result).isServerFailure())
                .recordException(t -> t instanceof AttemptFailure
                        && ((AttemptFailure) t).kind != ClientException.Kind.TLS)
                .ignoreException(t -> !(t instanceof AttemptFailure))
                .clock(clock)
                .build()) : null;
        if (breaker != null) {
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    // The open state keeps the metrics of the state it left: the failures that opened it.
                    failuresAtOpen = breaker.getMetrics().getNumberOfFailedCalls();
                    callsAtOpen = breaker.getMetrics().getNumberOfBufferedCalls();
                    openedAt = clock.instant();
                }
                LOG.debug("circuit breaker {}: {}", name, event.getStateTransition());
            });
        }
    }

    private static void waitBeforeRetry(Sleeper sleeper, int attempt, Either<Throwable, Outcome> last) {
        Duration wait;
        String what;
        if (last.isRight()) {
            wait = last.get().wait;
            what = last.get().label + " → " + last.get().status;
        } else if (last.getLeft() instanceof AttemptFailure) {
            AttemptFailure failure = (AttemptFailure) last.getLeft();
            wait = failure.wait;
            what = failure.label + " → " + failure.kind.name().toLowerCase(java.util.Locale.ROOT);
        } else {
            return;
        }
        LOG.debug("{} (attempt {}); retrying in {}", what, attempt, Durations.human(wait));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the attempt under the breaker, retrying as its outcomes say. */
    Outcome call(Supplier<Outcome> attempt) {
        Supplier<Outcome> guarded = breaker == null ? attempt : CircuitBreaker.decorateSupplier(breaker, attempt);
        return Retry.decorateSupplier(retry, guarded).get();
    }

    /** Failed attempts among the attempts considered when the breaker last opened. */
    int failuresAtOpen() {
        return failuresAtOpen;
    }

    int callsAtOpen() {
        return callsAtOpen;
    }

    /** Remembers a failure the breaker counts, so that a call it turns away can say what the server last did. */
    void noteFailure(ClientException failure) {
        lastFailure = failure;
    }

    /** The last failure the breaker counted, or null. */
    ClientException lastFailure() {
        return lastFailure;
    }

    /**
     * How long a call the breaker turned away waits before asking again: while open, until it half-opens; while
     * half-open (its trial calls under way), a tenth of the open duration (10 ms to 1 s). Up to a fifth more at random,
     * so that the callers waiting do not all come back at once.
     */
    Duration permitWait() {
        Duration base = breaker != null && breaker.getState() == CircuitBreaker.State.OPEN ? breakerRemaining()
                : Duration.ZERO;
        if (base.isZero()) {
            long tenth = Math.max(10, Math.min(1000, openDuration.toMillis() / 10));
            base = Duration.ofMillis(tenth);
        }
        return base.plusMillis(Math.round(base.toMillis() * 0.2 * random.nextDouble()));
    }

    Duration breakerRemaining() {
        Duration left = openDuration.minus(Duration.between(openedAt, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Retry retry() {
        return retry;
    }
}
