package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Category;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Downloads the upstream archive, unpacks the five test files into a staging directory beside the cache, verifies
 * their checksums, and only then moves the directory into place in one rename, so that a cache directory is either
 * complete and verified or absent.
 */
final class ArchiveInstaller {
    private final URI archive;
    private final ArchiveFetcher fetcher;
    private final Path cache;

    ArchiveInstaller(URI archive, ArchiveFetcher fetcher, Path cache) {
        this.archive = archive;
        this.fetcher = fetcher;
        this.cache = cache;
    }

    Path install() {
        Path parent = cache.toAbsolutePath().getParent();
        Path staging = null;
        Path download = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, ".ethics-");
            download = Files.createTempFile(parent, ".ethics-", ".archive");
            fetch(download);
            unpack(download, staging);
            Dataset.load(staging, Category.all(), false);
            moveIntoPlace(staging);
            return cache;
        } catch (IOException e) {
            throw DatasetException.of("cannot install the ETHICS dataset from " + archive + " into " + cache + ": "
                    + e.getMessage());
        } finally {
            deleteQuietly(download);
            deleteQuietly(staging);
        }
    }

    private void fetch(Path download) {
        try {
            fetcher.fetch(archive, download);
        } catch (IOException e) {
            throw DatasetException.of("the ETHICS dataset is not here and cannot be downloaded from " + archive + " ("
                    + describe(e) + "); give --dataset DIR, set HE300_DATASET=DIR, put the upstream files in "
                    + cache + ", or set HE300_DATASET_URL to a reachable copy of the archive");
        }
    }

    /** The failure in a person's words (never a Java type name): its message, or what kind of failure it was. */
    private static String describe(IOException e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e instanceof java.net.UnknownHostException ? "unknown host" : "the download failed";
    }

    private void unpack(Path download, Path staging) throws IOException {
        Set<String> wanted = new HashSet<>();
        Category.all().forEach(c -> wanted.add(c.file()));
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(download));
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Optional<String> file = match(entry, wanted);
                if (file.isPresent()) {
                    Path target = staging.resolve(file.get());
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    wanted.remove(file.get());
                }
            }
        }
        if (!wanted.isEmpty()) {
            throw new IOException("the archive lacks " + String.join(", ", wanted.stream().sorted().toList()));
        }
    }

    /** Entries are matched by their path's tail ({@code ethics/commonsense/cm_test.csv}); nothing else is written. */
    private static Optional<String> match(TarArchiveEntry entry, Set<String> wanted) {
        if (!entry.isFile()) {
            return Optional.empty();
        }
        String name = entry.getName();
        return wanted.stream().filter(w -> name.equals(w) || name.endsWith("/" + w)).findFirst();
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(raw) : raw;
    }

    private void moveIntoPlace(Path staging) throws IOException {
        try {
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process finished first, or a partial directory is in the way: keep a complete one only.
            if (!Dataset.isComplete(cache)) {
                throw new IOException(cache + " exists but is incomplete; delete it and try again", e);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staging + " to " + cache + " atomically", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover staging file is harmless: it is hidden and never read.
        }
    }
}
