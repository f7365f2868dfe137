package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The child JVM of {@link ResumeTest#resumesARunKilledWithSigkill}: a slow journaled run, waiting to be killed. */
public final class KilledRunMain {

    static final int SIZE = 300;

    private KilledRunMain() {
    }

    public static void main(String[] args) {
        RunEngine engine = RunEngine.builder().target(FakeTarget.answering(1, 20)).concurrency(2)
                .batchTimeout(Duration.ofSeconds(30)).build();
        engine.start(Fixtures.plan(Integer.parseInt(args[1])), Path.of(args[0])).await();
    }

    /** The scenario ids of the complete lines of a journal. */
    static List<String> journaledIds(Path journal) throws IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                ids.add(JsonCodec.MAPPER.readValue(line, Outcome.class).scenarioId());
            }
        }
        return ids;
    }
}
