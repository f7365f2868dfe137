package io.github.rngops.he300.sweep;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures {@code System.out}, which {@link SweepChild} prints to, for the length of a test's command. */
final class PrintStreamCapture {

    private final PrintStream original;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private PrintStreamCapture() {
        original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    static PrintStreamCapture start() {
        return new PrintStreamCapture();
    }

    void stop() {
        System.setOut(original);
    }

    String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
