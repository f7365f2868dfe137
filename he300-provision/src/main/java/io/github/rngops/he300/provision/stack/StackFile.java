package io.github.rngops.he300.provision.stack;

import io.github.rngops.he300.core.command.Command;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One generated file for the host.
 *
 * @param path where it goes on the host (absolute)
 * @param content the whole file; for a secret file, reach it only to write it
 * @param mode its permissions ({@code 0600} for secrets, {@code 0644} otherwise)
 * @param secret whether it holds secrets: never shown ({@link #toString()}, {@link #shownContent()}), and a
 *     different previous version is kept as {@code <path>.bak-<timestamp>} when it is replaced
 */
public record StackFile(String path, String content, int mode, boolean secret) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /**
     * Writes standard input to {@code $1} with mode {@code $2} atomically (a temporary file beside it, then a
     * rename); keeps a different previous file as {@code $1$3} when {@code $3} is not empty; prints
     * {@code unchanged} or {@code changed}.
     */
    static final String INSTALL_SCRIPT = "set -e; umask 077; mkdir -p -- \"$(dirname -- \"$1\")\"; "
            + "tmp=\"$1.he300-tmp.$$\"; cat > \"$tmp\"; chmod \"$2\" -- \"$tmp\"; "
            + "if [ -f \"$1\" ] && cmp -s -- \"$tmp\" \"$1\"; then rm -f -- \"$tmp\"; chmod \"$2\" -- \"$1\"; "
            + "echo unchanged; exit 0; fi; "
            + "if [ -n \"$3\" ] && [ -f \"$1\" ]; then cp -p -- \"$1\" \"$1$3\"; fi; "
            + "mv -f -- \"$tmp\" \"$1\"; echo changed";

    /**
     * Checks that the path is absolute and the mode fits in {@code 0777}.
     *
     * @param path where it goes on the host
     * @param content the whole file
     * @param mode its permissions
     * @param secret whether it holds secrets
     * @throws IllegalArgumentException if the path is relative or the mode out of range
     */
    public StackFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a stack file's path must be absolute, was " + path);
        }
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("mode must be 0..0777, was " + Integer.toOctalString(mode));
        }
    }

    /** {@return the file name without its directory} */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@return the mode as {@code chmod} takes it: {@code 0600}} */
    public String modeText() {
        return String.format("%04o", mode);
    }

    /** {@return the content, or for a secret file a line saying it is withheld} */
    public String shownContent() {
        return secret ? "# " + path + ": " + content.lines().count() + " lines of secrets, not shown\n" : content;
    }

    /**
     * {@return the name of the backup kept of a previous, different secret file replaced at {@code when}}
     *
     * @param when the time of the replacement, as the install command was given it
     */
    public String backupPath(Instant when) {
        return path + backupSuffix(when);
    }

    /**
     * The command that writes this file on a host through a command runner: the content travels on standard input
     * (never on a command line, never in a display), the file is replaced atomically with its mode, and a previous
     * different secret file is kept as {@link #backupPath}. Prints {@code unchanged} when the file already had this
     * content (only its mode is set again), else {@code changed}: running it twice changes nothing the second time.
     *
     * @param sudo whether it runs as root, as {@code stack.dir} and {@code /etc/systemd} need
     * @param when the time a backup is named by
     * @return the command, its content on standard input
     */
    public Command installCommand(boolean sudo, Instant when) {
        return Command.builder("sh").args("-c", INSTALL_SCRIPT, "sh", path, modeText(),
                secret ? backupSuffix(when) : "").stdin(content.getBytes(StandardCharsets.UTF_8)).sudo(sudo).build();
    }

    private static String backupSuffix(Instant when) {
        return ".bak-" + STAMP.format(when);
    }

    /** Path, mode and size; the content only if not secret. */
    @Override
    public String toString() {
        return "StackFile[" + path + " " + modeText() + (secret ? " secret, content not shown]"
                : ", " + content.length() + " chars]");
    }
}
