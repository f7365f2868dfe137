package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.Sha256;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.provision.stack.StackFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's files ({@link io.github.rngops.he300.provision.stack.StackFiles}): each written atomically with its
 * mode when its SHA-256 or mode differs on the host. A different previous {@code .env} is kept as a backup. Secret
 * files are never shown: their content travels on standard input only.
 */
final class StackFilesStep implements Step {
    static final String NAME = "stack-files";
    /** For each path: {@code <sha256> <mode>} or {@code missing}; GNU or BSD tools. */
    static final String HASH_SCRIPT = "for f do if [ -f \"$f\" ]; then "
            + "h=$(sha256sum < \"$f\" 2>/dev/null || shasum -a 256 < \"$f\"); "
            + "m=$(stat -c %a \"$f\" 2>/dev/null || stat -f %Lp \"$f\"); echo \"${h%% *} $m\"; "
            + "else echo missing; fi; done";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        List<StackFile> stale = stale(host);
        List<StackFile> all = host.stackFiles();
        if (stale.isEmpty()) {
            return Check.ok(all.size() + " files up to date (SHA-256 and mode)");
        }
        return Check.needed(stale.size() + " of " + all.size() + " files to write: "
                + String.join(", ", stale.stream().map(StackFile::name).toList()));
    }

    @Override
    public List<Planned> plan(Host host) {
        List<Planned> out = new ArrayList<>();
        for (StackFile file : stale(host)) {
            out.add(Planned.run("write " + file.path() + " (" + file.modeText()
                    + (file.secret() ? ", secret: content withheld, a different previous file backed up" : "") + ")",
                    rooted(host, file).installCommand(true, host.clock().instant())));
        }
        return out;
    }

    @Override
    public Applied apply(Host host) {
        List<String> written = new ArrayList<>();
        for (StackFile file : stale(host)) {
            CommandResult result = host.runChecked(rooted(host, file).installCommand(true, host.clock().instant()));
            if (result.stdout().strip().equals("changed")) {
                written.add(file.name());
                host.markStackChanged();
            }
        }
        return Applied.done("wrote " + String.join(", ", written));
    }

    /** The files whose content hash or mode differs on the host, or that are missing. */
    private static List<StackFile> stale(Host host) {
        List<StackFile> files = host.stackFiles();
        Command hashes = Command.builder("sh").args("-c", HASH_SCRIPT, "sh")
                .args(files.stream().map(f -> host.path(f.path())).toList()).sudo(true).build();
        List<String> lines = host.remember(hashes.shellLine(),
                () -> host.look(hashes).orThrow(hashes).stdout().lines().toList());
        if (lines.size() != files.size()) {
            throw new IllegalStateException("the hash check printed " + lines.size() + " lines for " + files.size()
                    + " files");
        }
        List<StackFile> stale = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            StackFile file = files.get(i);
            String expected = Sha256.hex(file.content().getBytes(StandardCharsets.UTF_8)) + " "
                    + Integer.toOctalString(file.mode());
            if (!lines.get(i).strip().equals(expected)) {
                stale.add(file);
            }
        }
        return stale;
    }

    private static StackFile rooted(Host host, StackFile file) {
        return new StackFile(host.path(file.path()), file.content(), file.mode(), file.secret());
    }
}
