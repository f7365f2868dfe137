package io.github.rngops.he300.net;

import io.github.rngops.he300.core.command.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read (mode 0600): private keys, auth keys, configs holding keys. A file is created
 * with those permissions (never wider, not even for a moment), written, and renamed over the target, so a reader
 * sees either the old file or the whole new one.
 */
public final class PrivateFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final String INSTALL_SCRIPT = "set -e; umask 077; mkdir -p -- \"$(dirname -- \"$1\")\"; "
            + "tmp=\"$1.he300-tmp.$$\"; cat > \"$tmp\"; chmod 600 -- \"$tmp\"; mv -f -- \"$tmp\" \"$1\"";

    private PrivateFile() {}

    /**
     * Refuses a {@code target} that cannot become a file (a directory), before anything is written; callers that
     * write several files check them all first, so that none is written when one would fail. Looks at this
     * machine's file system only.
     *
     * @param target the file to be written; relative to the working directory unless absolute
     * @return {@code target} made absolute
     * @throws NetException naming the path, if it is a directory
     */
    public static Path checkTarget(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw NetException.invalid(target.toString(), "is a directory; give the path of a file to write");
        }
        return absolute;
    }

    /**
     * Writes {@code content} to {@code target} with mode 0600 on this machine; missing parents are made 0700. The
     * content goes to a temporary file beside the target first (created 0600), which is then renamed over it.
     *
     * @param target the file to write; an existing file is replaced
     * @param content the bytes to write, such as a key followed by a newline
     * @return {@code target} made absolute
     * @throws NetException if {@code target} is a directory
     * @throws java.io.UncheckedIOException if the file or its parents cannot be written (the temporary file is
     *     removed)
     */
    public static Path write(Path target, byte[] content) {
        Path absolute = checkTarget(target);
        Path parent = absolute.getParent();
        FileAttribute<Set<PosixFilePermission>> fileMode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path tmp = parent.resolve("." + absolute.getFileName() + ".he300-tmp." + ProcessHandle.current().pid());
        try {
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            Files.deleteIfExists(tmp);
            try (SeekableByteChannel channel = Files.newByteChannel(tmp,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileMode)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return absolute;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * A command that writes its standard input to {@code target} with mode 0600 on the runner's machine (a remote
     * host over SSH, say): {@code umask 077}, a temporary file beside the target, then a rename. The content travels
     * on standard input, never on a command line. Nothing runs until the caller hands the command to a runner.
     *
     * @param target the file on the runner's machine; missing parents are made with {@code mkdir -p} under umask 077
     * @param content the bytes to write
     * @param sudo whether the command runs as root (through the runner's {@code sudo} when it is not root)
     * @return the {@code sh -c} command, its display line free of the content
     */
    public static Command installCommand(Path target, byte[] content, boolean sudo) {
        return Command.builder("sh").args("-c", INSTALL_SCRIPT, "sh", target.toString())
                .stdin(content).sudo(sudo).build();
    }
}
