package io.github.rngops.he300.client.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Settings for tests: retries that record their waits instead of sleeping, short timeouts, a fixed clock. */
public final class TestHttp {
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** The waits the sleeper was asked for. */
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    public HttpSettings.Builder settings() {
        return HttpSettings.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(waits::add)
                .random(new Random(42))
                .retry(RetrySettings.builder().jitter(0).build())
                .circuitBreaker(CircuitBreakerSettings.disabled());
    }

    /** Runs {@code action} with System.out (where slf4j-simple writes in tests) copied into the returned text. */
    public static String capturingLog(Runnable action) {
        return capturingLog(() -> {
            action.run();
            return null;
        }).log();
    }

    public static <T> Captured<T> capturingLog(Supplier<T> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (PrintStream tee = new PrintStream(copy, true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            T value;
            try {
                value = action.get();
            } finally {
                System.setOut(original);
            }
            String log = copy.toString(StandardCharsets.UTF_8);
            original.print(log);
            return new Captured<>(value, log);
        }
    }

    /** A result and the log written while computing it. */
    public record Captured<T>(T value, String log) {
    }
}
