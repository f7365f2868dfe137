package io.github.rngops.he300.core.sample;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.Sha256;
import io.github.rngops.he300.core.dataset.ChecksumCache;
import io.github.rngops.he300.core.dataset.DatasetFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keeps drawn samples, so that a command run again on the same dataset files with the same spec reads 300 scenarios
 * instead of parsing 19,124 (in a cold JVM the parse is most of {@code ./he300 benchmark}'s start). An entry is
 * keyed by everything the draw depends on: the spec, whether unknown files were allowed, the dataset directory, the
 * identity of each file it reads (as {@link ChecksumCache} tells it: size, modification and change time, inode) and
 * the code that parses and draws (this module's jar, by path, size and modification time; no cache when it is not a
 * jar). The key is checked before the draw and again after it; a sample is stored only when nothing changed and
 * every file has been unchanged for a few seconds. Anything else draws afresh.
 *
 * <p>One small file per entry ({@code <key>.tsv}), written by rename; the oldest beyond {@value #KEEP} are removed.
 * Failing to read or write an entry costs only a fresh draw, so those errors are ignored.
 */
public final class SampleCache {
    private static final String HEADER = "he300-sample-cache 1";
    private static final Duration SETTLED = Duration.ofSeconds(3);
    private static final int KEEP = 16;

    private final Path directory;
    private final Clock clock;
    private final Path code;

    /** @param code the jar whose classes parse and draw; null: none, so nothing is cached */
    SampleCache(Path directory, Clock clock, Path code) {
        this.directory = directory;
        this.clock = clock;
        this.code = code;
    }

    /**
     * {@return a cache in {@code directory} (created on first use); several processes may share it}
     *
     * @param directory where the entries are kept; not null
     */
    public static SampleCache at(Path directory) {
        return new SampleCache(Objects.requireNonNull(directory, "directory"), Clock.systemUTC(), codeJar());
    }

    /**
     * The sample {@code draw} gives for {@code spec} from the dataset in {@code root}: the kept one when every input
     * is as it was, else {@code draw}'s (kept for next time when settled). Errors of {@code draw} pass through.
     *
     * @param root the dataset directory the sample is drawn from
     * @param spec what to draw
     * @param allowUnknown whether files with an unknown checksum were accepted (part of the key)
     * @param draw draws the sample afresh: loads the dataset and calls {@link Sampler#draw}
     * @return the sample
     */
    public Sample sample(Path root, SampleSpec spec, boolean allowUnknown, Supplier<Sample> draw) {
        Optional<String> before = key(root, spec, allowUnknown, false);
        if (before.isPresent()) {
            Optional<Sample> kept = read(before.get(), spec);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        Sample sample = draw.get();
        Optional<String> after = key(root, spec, allowUnknown, true);
        if (before.isPresent() && before.equals(after)) {
            write(before.get(), sample);
        }
        return sample;
    }

    private Optional<String> key(Path root, SampleSpec spec, boolean allowUnknown, boolean settled) {
        Instant settledBefore = settled ? clock.instant().minus(SETTLED) : null;
        // the spec spelled out, not the record's toString: its format is the JDK's, and it is built at run time
        StringBuilder key = new StringBuilder(HEADER).append("\nversion ").append(spec.version().id()).append(" size ")
                .append(spec.size()).append(" seed ").append(spec.seed()).append(" categories");
        for (Category category : spec.categories()) {
            key.append(' ').append(category.id());
        }
        key.append('\n').append(allowUnknown);
        Optional<String> codeIdentity = code == null ? Optional.empty() : ChecksumCache.identity(code, settledBefore);
        if (codeIdentity.isEmpty()) {
            return Optional.empty();
        }
        key.append('\n').append(codeIdentity.get()).append('\n').append(root.toAbsolutePath().normalize());
        for (Category category : spec.categories()) {
            Optional<String> file = ChecksumCache.identity(root.resolve(category.file()), settledBefore);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            key.append('\n').append(category.id()).append('\t').append(file.get());
        }
        return Optional.of(Sha256.hex(key.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** This module's jar, whose classes parse and draw; null when running from classes (tests, an IDE). */
    private static Path codeJar() {
        CodeSource source = SampleCache.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) ? jar : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;                     // not a file URL: no cache
        }
    }

    private Optional<Sample> read(String key, SampleSpec spec) {
        List<String> lines;
        try {
            lines = lines(Files.readString(directory.resolve(key + ".tsv"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();         // none kept, or unreadable
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals(key)) {
            return Optional.empty();
        }
        List<DatasetFile> files = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        try {
            for (String line : lines.subList(2, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("file") && f.length == 6) {
                    files.add(new DatasetFile(category(f[1]), f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                            Boolean.parseBoolean(f[5])));
                } else if (f[0].equals("scenario") && f.length == 5) {
                    scenarios.add(new Scenario(f[1], category(f[2]), unescape(f[4]), Integer.parseInt(f[3])));
                } else {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();         // a damaged entry: draw afresh
        }
        return Optional.of(new Sample(spec, scenarios, files));
    }

    /** The lines of what {@link #write} wrote: each ends with {@code \n}, the only line break it leaves unescaped. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
        }
        return lines;
    }

    private void write(String key, Sample sample) {
        StringBuilder text = new StringBuilder(HEADER).append('\n').append(key).append('\n');
        for (DatasetFile file : sample.files()) {
            text.append("file\t").append(file.category().id()).append('\t').append(file.sha256()).append('\t')
                    .append(file.records()).append('\t').append(file.scenarios()).append('\t').append(file.known())
                    .append('\n');
        }
        for (Scenario scenario : sample.scenarios()) {
            text.append("scenario\t").append(scenario.id()).append('\t').append(scenario.category().id()).append('\t')
                    .append(scenario.expectedLabel()).append('\t').append(escape(scenario.input())).append('\n');
        }
        Path target = directory.resolve(key + ".tsv");
        Path temp = directory.resolve(key + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);  // best effort: a missed entry costs one draw next time
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(".tsv"))
                    .sorted(Comparator.comparing(SampleCache::modified).reversed()).toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;                        // gone meanwhile: sorts as oldest
        }
    }

    private static Category category(String id) {
        Optional<Category> category = Category.fromId(id);
        if (category.isEmpty()) {
            throw new IllegalArgumentException("category " + id);
        }
        return category.get();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        int slash = text.indexOf('\\');
        if (slash < 0) {
            return text;                     // as most inputs are: nothing to copy char by char
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, slash);
        for (int i = slash; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= text.length()) {
                throw new IllegalArgumentException("a lone backslash");
            }
            switch (text.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("escape \\" + text.charAt(i));
            }
        }
        return out.toString();
    }
}
