package io.github.rngops.he300.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.core.He300Exception;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's own journal, {@code sweep.jsonl} in its directory: one line per event ({@code started},
 * {@code completed}, {@code failed}, {@code host_down}, {@code stopped}), each written whole and flushed. It says
 * what happened; what counts as done is a cell directory holding a complete {@code result.json}, and an interrupted
 * cell continues through the run engine's own journal, so no answer is lost or sent twice.
 */
final class SweepJournal implements AutoCloseable {

    static final String FILE = "sweep.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private final Clock clock;

    private SweepJournal(BufferedWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    static boolean exists(Path directory) {
        return Files.exists(directory.resolve(FILE));
    }

    /** Opens the journal for appending; a torn last line (a kill mid-write) is ended so the next line stands alone. */
    static SweepJournal open(Path directory, Clock clock) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            boolean torn = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (torn) {
                writer.write('\n');
            }
            return new SweepJournal(writer, clock);
        } catch (IOException e) {
            throw new He300Exception("cannot write the sweep journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last event of each cell, from a journal (lines that do not parse, such as a torn one, are skipped). */
    static Map<String, String> lastEvents(Path directory) {
        Map<String, String> last = new HashMap<>();
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return last;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new He300Exception("cannot read the sweep journal " + file + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && node.hasNonNull("cell") && node.hasNonNull("event")) {
                    last.put(node.get("cell").asText(), node.get("event").asText());
                }
            } catch (IOException e) {
                // a torn line from a kill mid-write: the cell directories say what really happened
            }
        }
        return last;
    }

    synchronized void record(String cell, String event, String message) {
        ObjectNode node = JSON.createObjectNode().put("time", clock.instant().toString()).put("cell", cell)
                .put("event", event);
        if (message != null && !message.isEmpty()) {
            node.put("message", message);
        }
        try {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new He300Exception("cannot append to the sweep journal: " + e.getMessage(), e);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one);
            return one.get(0) == '\n';
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new He300Exception("cannot close the sweep journal: " + e.getMessage(), e);
        }
    }
}
