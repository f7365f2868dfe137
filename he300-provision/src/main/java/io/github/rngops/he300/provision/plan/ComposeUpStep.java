package io.github.rngops.he300.provision.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack running: on Linux the systemd units enabled ({@code he300-stack.service} brings the stack up at boot,
 * the health timer checks it), and {@code docker compose -p he300 -f <file> up -d --remove-orphans}. Checked by
 * {@code docker compose ps}: every service running, and nothing written by the stack-files step in this run.
 */
final class ComposeUpStep implements Step {
    static final String NAME = "compose-up";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        List<String> expected = ComposeState.expected(host);
        List<String> down = ComposeState.read(host).notRunning(expected);
        boolean enabled = !host.systemd() || host.look(Commands.root("systemctl", "is-enabled", "--quiet",
                "he300-stack.service", "he300-health.timer")).ok();
        if (down.isEmpty() && enabled && !host.stackChanged()) {
            return Check.ok(expected.size() + " services running" + (host.systemd() ? ", units enabled" : ""));
        }
        List<String> why = new ArrayList<>();
        if (host.stackChanged()) {
            why.add("stack files changed");
        }
        if (!down.isEmpty()) {
            why.add(String.join(", ", down));
        }
        if (!enabled) {
            why.add("systemd units not enabled");
        }
        return Check.needed(String.join("; ", why));
    }

    @Override
    public List<Planned> plan(Host host) {
        List<Planned> out = new ArrayList<>();
        if (host.systemd()) {
            out.add(Planned.run("load the units", Commands.root("systemctl", "daemon-reload")));
            out.add(Planned.run("stack at boot, health timer now", Commands.root("systemctl", "enable", "--now",
                    "he300-stack.service", "he300-health.timer")));
        }
        out.add(Planned.run("start or update the containers", Commands.compose(host, "up", "-d", "--remove-orphans")));
        return out;
    }

    @Override
    public Applied apply(Host host) {
        for (Planned planned : plan(host)) {
            host.runChecked(planned.command().orElseThrow());
        }
        host.stackApplied();
        return Applied.done("stack up (" + host.files().composeFile().name() + ")");
    }

    @Override
    public boolean refreshesFacts() {
        return false;
    }
}
