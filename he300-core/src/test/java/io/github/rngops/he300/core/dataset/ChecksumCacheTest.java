package io.github.rngops.he300.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumCacheTest {
    private static final String FORGED = "f".repeat(64);

    @TempDir Path dir;
    private Path data;
    private Path cacheFile;
    private ChecksumCache cache;

    @BeforeEach
    void setUp() throws IOException {
        data = dir.resolve("cm_test.csv");
        Files.writeString(data, "label,input\n0,hello\n");
        cacheFile = dir.resolve("cache/dataset-checksums.tsv");
        // A clock a minute ahead: the file just written counts as settled, so its checksum is recorded.
        cache = new ChecksumCache(cacheFile, Clock.fixed(Instant.now().plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
    }

    @Test
    void recordsTheChecksumOfASettledFileAndUsesItForTheSameFile() throws IOException {
        assertThat(read().sha256()).isEqualTo(sha256(data));
        assertThat(Files.readString(cacheFile)).startsWith(sha256(data) + "\t");

        forgeEntries();                               // proves that the next read takes the entry, not the bytes
        assertThat(read().sha256()).isEqualTo(FORGED);
        assertThat(new String(read().bytes(), StandardCharsets.UTF_8)).isEqualTo("label,input\n0,hello\n");
    }

    @Test
    void hashesAgainWhenTheContentChanges() throws IOException {
        read();
        forgeEntries();
        Files.writeString(data, "label,input\n1,changed\n");
        assertThat(read().sha256()).isEqualTo(sha256(data));
    }

    @Test
    void hashesAgainWhenTheFileIsRewrittenToItsOldSizeAndModificationTime() throws IOException {
        FileTime modified = Files.getLastModifiedTime(data);
        read();
        forgeEntries();
        Files.writeString(data, "label,input\n0,hellO\n");    // same size
        Files.setLastModifiedTime(data, modified);              // and mtime: only the change time tells
        assertThat(read().sha256()).isEqualTo(sha256(data));
    }

    @Test
    void hashesAgainWhenTheFileIsOnlyTouched() throws IOException {
        read();
        forgeEntries();
        Files.setLastModifiedTime(data, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(read().sha256()).isEqualTo(sha256(data));
    }

    @Test
    void doesNotRecordAFileWrittenMomentsAgo() throws IOException {
        ChecksumCache now = new ChecksumCache(cacheFile, Clock.systemUTC());
        assertThat(now.read(data, this::bytes).sha256()).isEqualTo(sha256(data));
        assertThat(cacheFile).doesNotExist();
    }

    @Test
    void anUnreadableCacheFileOnlyMeansHashing() throws IOException {
        Files.createDirectories(cacheFile);           // a directory where the file should be
        assertThat(read().sha256()).isEqualTo(sha256(data));
    }

    @Test
    void noneAlwaysHashes() throws IOException {
        assertThat(ChecksumCache.none().read(data, this::bytes).sha256()).isEqualTo(sha256(data));
    }

    private ChecksumCache.Content read() {
        return cache.read(data, this::bytes);
    }

    private void forgeEntries() throws IOException {
        String text = Files.readString(cacheFile);
        Files.writeString(cacheFile, text.replaceAll("(?m)^[0-9a-f]{64}\t", FORGED + "\t"));
    }

    private byte[] bytes() {
        try {
            return Files.readAllBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path path) throws IOException {
        return Sha256.hex(Files.readAllBytes(path));
    }
}
