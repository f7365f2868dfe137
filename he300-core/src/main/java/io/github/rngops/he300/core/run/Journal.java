package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Outcome;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    private static final JsonFactory LINES = new JsonFactory();

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
        StringWriter line = new StringWriter(512);
        try (JsonGenerator json = LINES.createGenerator(line)) {
            OutcomeJson.write(outcome, json);
        }
        out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
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
     * Reads the outcomes journaled in {@code runDir}, in file order, keyed by scenario id, one per scenario. A last
     * line without its newline is a write the crash tore: it is dropped. Of two lines for one scenario (the engine
     * writes one; a hand-edited or concatenated journal may hold more) an answer beats a failure, else the first
     * stands. Unless {@code keepFailed}, failures are dropped so that their scenarios are sent again. When the file
     * then holds anything but the kept lines (a torn tail, a duplicate, a dropped failure), it is rewritten
     * atomically with exactly those, so the journal, like the result, holds each scenario once.
     *
     * @param ids the run's scenario ids
     * @throws He300Exception if a complete line is not an outcome, or names a scenario not in the run
     */
    static Map<String, Outcome> recover(Path runDir, Set<String> ids, boolean keepFailed) throws IOException {
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
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> lineOf = new LinkedHashMap<>();
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1);
        int complete = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            complete++;
            Outcome outcome = parse(file, i + 1, lines[i]);
            if (!ids.contains(outcome.scenarioId())) {
                throw new He300Exception(file + " line " + (i + 1) + ": scenario " + outcome.scenarioId()
                        + " is not in this run's manifest; the journal belongs to another run");
            }
            Outcome before = outcomes.get(outcome.scenarioId());
            if (before == null || (before instanceof Outcome.Failed && outcome instanceof Outcome.Answered)) {
                outcomes.put(outcome.scenarioId(), outcome);
                lineOf.put(outcome.scenarioId(), lines[i]);
            }
        }
        if (!keepFailed) {
            outcomes.values().removeIf(o -> o instanceof Outcome.Failed);
            lineOf.keySet().retainAll(outcomes.keySet());
        }
        if (end < bytes.length || complete != outcomes.size()) {
            StringBuilder kept = new StringBuilder();
            lineOf.values().forEach(line -> kept.append(line).append('\n'));
            AtomicFile.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
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
