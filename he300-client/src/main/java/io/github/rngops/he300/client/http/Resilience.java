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
    private volatile Instant openedAt = Instant.EPOCH;

    Resilience(String name, HttpSettings settings) {
        this.clock = settings.clock();
        this.openDuration = settings.circuitBreaker().openDuration();
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

    int breakerFailures() {
        return breaker == null ? 0 : breaker.getMetrics().getNumberOfFailedCalls();
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
