package io.github.rngops.he300.client.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a generation takes once it holds a slot. Draws are deterministic: each request's draw comes from the
 * simulator's seed and the request's number.
 *
 * <pre>{@code
 * Latency.none();                                               // answers at once
 * Latency.fixed(Duration.ofMillis(200));
 * Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(150));
 * Latency.logNormal(Duration.ofMillis(400), 0.5);               // median 400 ms, a long right tail
 * }</pre>
 */
public final class Latency {

    private enum Kind { FIXED, UNIFORM, LOG_NORMAL }

    private static final Latency NONE = new Latency(Kind.FIXED, Duration.ZERO, Duration.ZERO, 0);

    private final Kind kind;
    private final Duration a;
    private final Duration b;
    private final double sigma;

    private Latency(Kind kind, Duration a, Duration b, double sigma) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.sigma = sigma;
    }

    /** {@return no latency at all: answers as fast as the machine allows} */
    public static Latency none() {
        return NONE;
    }

    /**
     * {@return always {@code latency}}
     *
     * @param latency zero or more
     * @throws IllegalArgumentException when it is negative
     */
    public static Latency fixed(Duration latency) {
        return new Latency(Kind.FIXED, nonNegative(latency, "latency"), Duration.ZERO, 0);
    }

    /**
     * {@return a latency drawn uniformly between {@code min} and {@code max}, both included}
     *
     * @param min the shortest, zero or more
     * @param max the longest, at least {@code min}
     * @throws IllegalArgumentException when either is negative or {@code max} is below {@code min}
     */
    public static Latency uniform(Duration min, Duration max) {
        nonNegative(min, "min");
        nonNegative(max, "max");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("uniform latency needs min <= max, was " + min + " > " + max);
        }
        return new Latency(Kind.UNIFORM, min, max, 0);
    }

    /**
     * {@return a log-normal latency, {@code median * exp(sigma * N(0,1))}: mostly near the median, with a long tail of
     * slow answers, like a real GPU server's}
     *
     * @param median the median, zero or more
     * @param sigma the shape, 0 (always the median) to 3; 0.5 is a moderate tail
     * @throws IllegalArgumentException when the median is negative or {@code sigma} is out of range
     */
    public static Latency logNormal(Duration median, double sigma) {

        nonNegative(median, "median");
        if (!(sigma >= 0 && sigma <= 3)) {
            throw new IllegalArgumentException("log-normal sigma must be in [0, 3], was " + sigma);
        }
        return new Latency(Kind.LOG_NORMAL, median, Duration.ZERO, sigma);
    }

    /** The latency for one request, drawn from {@code random}. */
    Duration draw(SplittableRandom random) {
        switch (kind) {
            case UNIFORM:
                long span = b.toNanos() - a.toNanos();
                return a.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
            case LOG_NORMAL:
                double factor = Math.exp(sigma * random.nextGaussian());
                return Duration.ofNanos((long) (a.toNanos() * factor));
            case FIXED:
            default:
                return a;
        }
    }

    /** {@return the typical latency: the fixed value, the mean of a uniform, the median of a log-normal} */
    public Duration typical() {
        return kind == Kind.UNIFORM ? a.plus(b).dividedBy(2) : a;
    }

    private static Duration nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency " + name + " must not be negative, was " + value);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Latency && ((Latency) other).kind == kind && ((Latency) other).a.equals(a)
                && ((Latency) other).b.equals(b) && ((Latency) other).sigma == sigma;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, a, b, sigma);
    }

    @Override
    public String toString() {
        switch (kind) {
            case UNIFORM:
                return "Latency.uniform(" + a.toMillis() + "ms.." + b.toMillis() + "ms)";
            case LOG_NORMAL:
                return "Latency.logNormal(median " + a.toMillis() + "ms, sigma " + sigma + ")";
            case FIXED:
            default:
                return a.isZero() ? "Latency.none()" : "Latency.fixed(" + a.toMillis() + "ms)";
        }
    }
}
