package io.github.rngops.he300.core.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a whole file so that a reader sees the old content or the new, never a part: a temporary file beside it,
 * synced, then renamed over it. Uses streams, not channels, so an interrupted thread can still write.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
            out.write(content);
            out.getFD().sync();
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
