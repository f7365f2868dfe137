package io.github.rngops.he300.client.http;

import java.time.Duration;

/** Durations as a person reads them: {@code 250 ms}, {@code 3 s}, {@code 2 min 5 s}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = (ms + 500) / 1000;
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    static Duration requirePositive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, was " + value);
        }
        return value;
    }

    static Duration requireNonNegative(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be zero or positive, was " + value);
        }
        return value;
    }
}
