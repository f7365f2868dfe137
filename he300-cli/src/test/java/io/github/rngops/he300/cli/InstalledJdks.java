package io.github.rngops.he300.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs installed under {@code /usr/lib/jvm}, as the launcher finds them (their {@code release} files). */
final class InstalledJdks {
    private InstalledJdks() {}

    /** {@return a JDK (with javac) of feature version {@code feature} or newer, if one is installed} */
    static Optional<Path> atLeast(int feature) {
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            return installed.filter(jdk -> Files.isExecutable(jdk.resolve("bin/javac")) && feature(jdk) >= feature)
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();                      // no /usr/lib/jvm
        }
    }

    /** {@return the feature version in a JDK's release file ({@code JAVA_VERSION="25.0.3"}), 0 when it cannot tell} */
    static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;                                     // not a JDK we can tell: not a candidate
        }
        return 0;
    }
}
