package io.github.rngops.he300.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    @TempDir
    Path dir;

    @Test
    void writesOwnerOnly() throws Exception {
        Path file = PrivateFile.write(dir.resolve("sub/key"), "secret\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readString(file)).isEqualTo("secret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesADirectoryBeforeWritingAnything() throws Exception {
        Path target = Files.createDirectories(dir.resolve("keys"));
        assertThatThrownBy(() -> PrivateFile.write(target, new byte[] {1})).isInstanceOf(NetException.class)
                .hasMessage(target + ": is a directory; give the path of a file to write");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
        try (var inside = Files.list(target)) {
            assertThat(inside).isEmpty();
        }
    }
}
