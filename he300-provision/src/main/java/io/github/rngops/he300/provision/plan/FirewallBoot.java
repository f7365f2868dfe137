package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.Sha256;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.firewall.Step;
import io.github.rngops.he300.provision.stack.FirewallBootFiles;
import io.github.rngops.he300.provision.stack.StackFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network step's rules at boot ({@link FirewallBootFiles}): the script and unit written when their SHA-256 or
 * mode differs on the host (as {@link StackFilesStep} checks files), and the unit enabled where systemd runs. Not
 * started now: the step has just applied the same rules.
 */
final class FirewallBoot {
    private final Host host;
    private final List<StackFile> files;

    FirewallBoot(Host host, List<Step> steps) {
        this.host = host;
        this.files = FirewallBootFiles.of(steps).stream().map(f -> new StackFile(host.path(f.path()), f.content(),
                f.mode(), f.secret())).toList();
    }

    /** {@return what is missing, or empty when the files are current and the unit enabled} */
    Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        List<StackFile> stale = stale();
        if (!stale.isEmpty()) {
            missing.add("boot firewall " + String.join(" and ", stale.stream().map(StackFile::name).toList())
                    + " to write");
        }
        if (!enabled()) {
            missing.add(FirewallBootFiles.UNIT + " to enable");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** {@return a line per command apply would run} */
    List<Planned> plan() {
        List<Planned> out = new ArrayList<>();
        for (StackFile file : stale()) {
            out.add(Planned.run("at boot: write " + file.path() + " (" + file.modeText() + ")",
                    file.installCommand(true, host.clock().instant())));
        }
        if (host.systemd() && !enabled()) {
            out.add(Planned.run("the same rules again at every boot (enable reloads systemd itself)",
                    Commands.root("systemctl", systemctl(host, "enable", FirewallBootFiles.UNIT))));
        }
        return out;
    }

    /** Writes what is stale and enables the unit; {@return a summary} */
    String apply() {
        for (Planned planned : plan()) {
            host.runChecked(planned.command().orElseThrow());
        }
        return "rules put back at boot by " + FirewallBootFiles.UNIT;
    }

    private boolean enabled() {
        return !host.systemd() || lines().get(files.size()).strip().equals("enabled");
    }

    /**
     * {@code systemctl}'s words; on a host with a file root (tests), {@code --root=} first, so the unit is enabled
     * there, offline, and never on the machine the test runs on.
     */
    private static String[] systemctl(Host host, String... words) {
        List<String> all = new ArrayList<>();
        if (!host.root().isEmpty()) {
            all.add("--root=" + host.root());
        }
        all.addAll(List.of(words));
        return all.toArray(String[]::new);
    }

    /**
     * One round trip, shared by check and plan until the host changes: a hash line per file, then {@code enabled}
     * or not for the unit.
     */
    private List<String> lines() {
        Command look = Command.builder("sh").args("-c", "r=$1; shift; " + StackFilesStep.HASH_SCRIPT
                + "; if command -v systemctl >/dev/null 2>&1 && systemctl ${r:+\"--root=$r\"} is-enabled --quiet "
                + FirewallBootFiles.UNIT + " 2>/dev/null; then echo enabled; else echo disabled; fi", "sh",
                host.root()).args(files.stream().map(StackFile::path).toList()).sudo(true).build();
        return host.remember(look.shellLine(), () -> host.look(look).orThrow(look).stdout().lines().toList());
    }

    private List<StackFile> stale() {
        List<String> lines = lines();
        if (lines.size() != files.size() + 1) {
            throw new IllegalStateException("the boot firewall check printed " + lines.size() + " lines for "
                    + files.size() + " files and a unit");
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
}
