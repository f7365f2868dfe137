package io.github.rngops.he300.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The repository's shell scripts pass shellcheck: the launcher, the wrapper, CI, and every *.sh. */
class ShellScriptsTest {

    static Stream<Path> scripts() {
        List<Path> files = new ArrayList<>();
        Stream.of("he300", "mvnw", ".ci/run").map(Repository.ROOT::resolve).forEach(files::add);
        for (String dir : List.of("scripts", "tools", "examples", ".ci")) {
            files.addAll(Repository.files(dir, ".sh"));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void passesShellcheck(Path script) throws Exception {
        assertThat(script).isRegularFile();
        assertThat(Shellcheck.check(script)).as(Repository.relative(script)).isEmpty();
    }
}
