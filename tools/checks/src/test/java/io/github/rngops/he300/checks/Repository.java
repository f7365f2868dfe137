package io.github.rngops.he300.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The clone under test and the shared reference files beside it, from the properties the build sets. */
final class Repository {
    static final Path ROOT = Path.of(System.getProperty("he300.root", "../..")).toAbsolutePath().normalize();
    static final Path SHARED = Path.of(System.getProperty("he300.shared", ROOT.resolve("../shared").toString()))
            .toAbsolutePath().normalize();

    private Repository() {
    }

    /** Files under {@code dir} (relative to the root) whose names end with one of {@code suffixes}, sorted. */
    static List<Path> files(String dir, String... suffixes) {
        Path start = ROOT.resolve(dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith))
                    .filter(file -> !ROOT.relativize(file).toString().contains("/target/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString();
    }
}
