package io.github.rngops.he300.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find {@code ../shared}: the dataset copy and the protocol's vectors. Surefire sets {@code he300.shared};
 * a missing directory fails the test that needs it, loudly, rather than skipping it.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String property = System.getProperty("he300.shared");
        assertThat(property).as("system property he300.shared (set by the build to <project>/../shared)").isNotBlank();
        Path root = Path.of(property).toAbsolutePath().normalize();
        assertThat(root).as("the shared directory beside the project; CI lays it out, see .ci/run").isDirectory();
        return root;
    }

    /** The ETHICS test files, in the upstream layout. */
    public static Path dataset() {
        Path dataset = root().resolve("data/ethics");
        assertThat(Files.isDirectory(dataset)).as("dataset copy at " + dataset).isTrue();
        return dataset;
    }

    /** A file under {@code he300/}: goldens and parser examples. */
    public static Path vectors(String name) {
        Path path = root().resolve("he300").resolve(name);
        assertThat(path).as("protocol vectors at " + path).exists();
        return path;
    }
}
