package io.github.rngops.he300.core.dataset;

import io.github.rngops.he300.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Remembers the SHA-256 of dataset files, so that a command started again on an unchanged file need not hash its
 * megabytes (the largest cost of a cold start). An entry is keyed by the file's real path and its identity — size,
 * modification time, change time and inode — and is used only when the file shows that same identity before and
 * after it is read; anything else (an edited, replaced, touched or copied file) is hashed again. The change time
 * cannot be set back by {@code touch}, so a file rewritten to its old size and modification time still misses.
 * Entries are recorded only for files unchanged for a few seconds, so a write racing the read is never remembered.
 *
 * <p>The cache is one tab-separated file (in the CLI, {@code ~/.cache/he300/dataset-checksums.tsv}); it is rewritten
 * whole by rename. Failing to write it costs only the next start's hashing, so write errors are ignored.
 */
public final class ChecksumCache {
    private static final ChecksumCache NONE = new ChecksumCache(null, Clock.systemUTC());
    private static final Duration SETTLED = Duration.ofSeconds(3);

    private final Path file;
    private final Clock clock;

    ChecksumCache(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** {@return no cache: every file is hashed on every load} */
    public static ChecksumCache none() {
        return NONE;
    }

    /**
     * {@return a cache kept in {@code file} (created on first use, with its parent folders)}
     *
     * @param file the cache file; not null. Threads and processes may share it: a lost update only costs a hash
     */
    public static ChecksumCache at(Path file) {
        return new ChecksumCache(Objects.requireNonNull(file, "file"), Clock.systemUTC());
    }

    /**
     * What identifies {@code file}'s content without reading it (real path, size, modification and change time,
     * inode), as this cache keys its entries; empty where the platform cannot tell, or when {@code settledBefore}
     * is given and the file changed after it.
     *
     * @param file the file to identify
     * @param settledBefore if not null, the identity counts only if the file has not changed since this instant
     * @return the identity key, or empty
     */
    public static Optional<String> identity(Path file, Instant settledBefore) {
        Identity identity = Identity.of(file);
        if (identity == null || identity.key() == null
                || settledBefore != null && !identity.settledBy(settledBefore)) {
            return Optional.empty();
        }
        return Optional.of(identity.key());
    }

    /** A file's bytes and their SHA-256. */
    record Content(byte[] bytes, String sha256) {}

    /**
     * Reads {@code path} with {@code read} and gives its SHA-256: from the cache when the file's identity matches
     * the entry before and after the read, else computed from what was read (and recorded when the file is settled).
     */
    Content read(Path path, Supplier<byte[]> read) {
        if (file == null) {
            byte[] bytes = read.get();
            return new Content(bytes, Sha256.hex(bytes));
        }
        Identity before = Identity.of(path);
        byte[] bytes = read.get();
        boolean unchanged = before != null && before.key() != null && before.equals(Identity.of(path));
        String known = unchanged ? known(before.key()) : null;
        if (known != null) {
            return new Content(bytes, known);
        }
        String sha256 = Sha256.hex(bytes);
        if (unchanged && before.settledBy(clock.instant().minus(SETTLED))) {
            record(before, sha256);
        }
        return new Content(bytes, sha256);
    }

    private synchronized String known(String key) {
        return entries().get(key);
    }

    /** Read, change, rewrite: under this lock for the threads of one load; between processes the last one wins. */
    private synchronized void record(Identity identity, String sha256) {
        Map<String, String> entries = entries();
        entries.keySet().removeIf(key -> key.endsWith("\t" + identity.path()));   // the file's older identities
        entries.put(identity.key(), sha256);
        store(entries);
    }

    private Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return entries;                  // none yet, or unreadable: the files get hashed
        }
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab == 64) {
                entries.put(line.substring(tab + 1), line.substring(0, tab));
            }
        }
        return entries;
    }

    private void store(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, sha256) -> text.append(sha256).append('\t').append(key).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);  // best effort: a missed entry only costs hashing next time
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    /** What identifies a file's content without reading it; null fields where the platform cannot tell. */
    private record Identity(String path, long size, FileTime modified, Object changed, Object inode) {
        static Identity of(Path path) {
            try {
                Path real = path.toRealPath();
                BasicFileAttributes basic = Files.readAttributes(real, BasicFileAttributes.class);
                Object changed = null;
                Object inode = null;
                if (real.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                    changed = Files.getAttribute(real, "unix:ctime");
                    inode = Files.getAttribute(real, "unix:ino");
                }
                return new Identity(real.toString(), basic.size(), basic.lastModifiedTime(), changed, inode);
            } catch (IOException e) {
                return null;                 // the read itself reports a missing or unreadable file
            }
        }

        /** Null where the change time is unknown: without it, a restored modification time could not be told. */
        String key() {
            if (changed == null || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0) {
                return null;
            }
            return size + "\t" + modified.to(TimeUnit.NANOSECONDS) + "\t"
                    + ((FileTime) changed).to(TimeUnit.NANOSECONDS) + "\t" + inode + "\t" + path;
        }

        boolean settledBy(Instant time) {
            return modified.toInstant().isBefore(time) && ((FileTime) changed).toInstant().isBefore(time);
        }
    }
}
