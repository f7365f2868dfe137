package io.github.rngops.he300.core.command.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Keeps every byte a command writes and hands each complete line (without its end) to a consumer: the output side
 * of a {@link io.github.rngops.he300.core.command.CommandRunner}, shared by the local and the SSH runner so both stream and collect alike.
 */
public final class LineSink extends OutputStream {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    /** @param lines receives each complete line, without its end, on the writing thread */
    public LineSink(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        all.write(b);
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    /** {@return everything written so far, as UTF-8 text} */
    public synchronized String text() {
        return all.toString(StandardCharsets.UTF_8);
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
