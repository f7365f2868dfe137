package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code outcomes.jsonl}: one outcome per line, appended and flushed as each arrives. Each line goes to the file in one
 * {@code write} of the whole line and its newline, so a crash leaves at most one torn line, the last, which
 * {@link #recover} drops. Writes through a stream, not a channel, so an interrupted engine thread cannot close it.
 */
final class Journal implements Closeable {

    static final String FILE = "outcomes.jsonl";
    private static final ObjectWriter LINE = JsonCodec.MAPPER.writerFor(Outcome.class);

    private final Path file;
    private final FileOutputStream out;
    private final boolean sync;

    private Journal(Path file, boolean sync) throws IOException {
        this.file = file;
        this.out = new FileOutputStream(file.toFile(), true);
        this.sync = sync;
    }

    /** Opens {@code runDir/outcomes.jsonl} for appending, creating it if absent. */
    static Journal open(Path runDir, boolean sync) throws IOException {
        return new Journal(runDir.resolve(FILE), sync);
    }

    /** Appends one line; with {@code sync}, forces it to the disk before returning. */
    synchronized void append(Outcome outcome) throws IOException {
        byte[] line;
        try {
            line = (LINE.writeValueAsString(outcome) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome always serializes", e);
        }
        out.write(line);
        out.flush();
        if (sync) {
            out.getFD().sync();
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Reads the outcomes journaled in {@code runDir}, in file order, keyed by scenario id. A last line without its
     * newline is a write the crash tore: it is dropped and cut from the file, so appending starts on a fresh line.
     * A second outcome for a scenario cannot come from the engine; if one is there, the first stands.
     *
     * @param ids the run's scenario ids
     * @throws He300Exception if a complete line is not an outcome, or names a scenario not in the run
     */
    static Map<String, Outcome> recover(Path runDir, Set<String> ids) throws IOException {
        Path file = runDir.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
                channel.force(true);
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Outcome outcome = parse(file, i + 1, lines[i]);
            if (!ids.contains(outcome.scenarioId())) {
                throw new He300Exception(file + " line " + (i + 1) + ": scenario " + outcome.scenarioId()
                        + " is not in this run's manifest; the journal belongs to another run");
            }
            outcomes.putIfAbsent(outcome.scenarioId(), outcome);
        }
        return outcomes;
    }

    private static Outcome parse(Path file, int number, String line) {
        try {
            return JsonCodec.MAPPER.readValue(line, Outcome.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new He300Exception(file + " line " + number + " is not an outcome ("
                    + e.getMessage().lines().findFirst().orElse("") + "): the journal is damaged beyond its last"
                    + " line; move it aside to start the run again", e);
        }
    }
}
