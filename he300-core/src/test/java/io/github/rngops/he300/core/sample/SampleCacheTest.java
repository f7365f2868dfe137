package io.github.rngops.he300.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCacheTest {
    private static final SampleSpec SPEC = SampleSpec.builder().size(2).categories(Category.VIRTUE, Category.JUSTICE)
            .seed(7).build();
    /** A minute ahead: files written by the test count as settled. */
    private static final Clock LATER = Clock.fixed(Instant.now().plus(Duration.ofMinutes(1)), ZoneOffset.UTC);

    @TempDir Path dir;
    private Path root;
    private Path jar;
    private final AtomicInteger draws = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("ethics");
        for (Category category : Category.all()) {
            Files.createDirectories(root.resolve(category.file()).getParent());
            Files.writeString(root.resolve(category.file()), "label,scenario\n1,x\n");
        }
        jar = Files.writeString(dir.resolve("he300-core.jar"), "classes");
    }

    @Test
    void keepsASampleAndGivesItBackWithoutDrawing() {
        SampleCache cache = cache(LATER, jar);
        Sample first = cache.sample(root, SPEC, false, this::draw);
        Sample second = cache.sample(root, SPEC, false, this::draw);

        assertThat(draws).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.scenarios().get(1).input()).isEqualTo("tab\there\nnew line\r\\ and \\t as text");
    }

    @Test
    void drawsAgainWhenADatasetFileChanges() throws IOException {
        SampleCache cache = cache(LATER, jar);
        cache.sample(root, SPEC, false, this::draw);
        Files.writeString(root.resolve(Category.VIRTUE.file()), "label,scenario\n0,y\n");
        cache.sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(2);
    }

    @Test
    void drawsAgainWhenOnlyTouched() throws IOException {
        SampleCache cache = cache(LATER, jar);
        cache.sample(root, SPEC, false, this::draw);
        Files.setLastModifiedTime(root.resolve(Category.JUSTICE.file()), FileTime.from(Instant.now().minusSeconds(99)));
        cache.sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(2);
    }

    @Test
    void aFileOfACategoryNotDrawnDoesNotMatter() throws IOException {
        SampleCache cache = cache(LATER, jar);
        cache.sample(root, SPEC, false, this::draw);
        Files.writeString(root.resolve(Category.COMMONSENSE.file()), "changed");
        cache.sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(1);
    }

    @Test
    void drawsAgainForAnotherSpecOrUnknownFilesAllowed() {
        SampleCache cache = cache(LATER, jar);
        cache.sample(root, SPEC, false, this::draw);
        cache.sample(root, SPEC.toBuilder().seed(8).build(), false, this::draw);
        cache.sample(root, SPEC, true, this::draw);
        assertThat(draws).hasValue(3);
    }

    @Test
    void drawsAgainWhenTheCodeChanges() throws IOException {
        cache(LATER, jar).sample(root, SPEC, false, this::draw);
        Files.writeString(jar, "other classes");
        cache(LATER, jar).sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(2);
    }

    @Test
    void keepsNothingWithoutAJarOrForFilesWrittenMomentsAgo() {
        cache(LATER, null).sample(root, SPEC, false, this::draw);
        cache(LATER, null).sample(root, SPEC, false, this::draw);
        cache(Clock.systemUTC(), jar).sample(root, SPEC, false, this::draw);
        cache(Clock.systemUTC(), jar).sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(4);
        assertThat(dir.resolve("samples")).doesNotExist();
    }

    @Test
    void aDamagedEntryOnlyMeansDrawingAgain() throws IOException {
        SampleCache cache = cache(LATER, jar);
        cache.sample(root, SPEC, false, this::draw);
        try (var entries = Files.list(dir.resolve("samples"))) {
            for (Path entry : entries.toList()) {
                Files.writeString(entry, Files.readString(entry).replace("scenario\t", "scenario\tx\t"));
            }
        }
        Sample again = cache.sample(root, SPEC, false, this::draw);
        assertThat(draws).hasValue(2);
        assertThat(again.scenarios()).hasSize(2);
    }

    private SampleCache cache(Clock clock, Path code) {
        return new SampleCache(dir.resolve("samples"), clock, code);
    }

    private Sample draw() {
        draws.incrementAndGet();
        return new Sample(SPEC, List.of(
                new Scenario("hendrycks_ethics:virtue_test:00001", Category.VIRTUE, "plain", 1),
                new Scenario("hendrycks_ethics:justice_test:00002", Category.JUSTICE,
                        "tab\there\nnew line\r\\ and \\t as text", 0)),
                List.of(new DatasetFile(Category.VIRTUE, "a".repeat(64), 2, 1, true),
                        new DatasetFile(Category.JUSTICE, "b".repeat(64), 2, 1, false)));
    }
}
