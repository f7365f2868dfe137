package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.facts.HostFacts;
import java.util.List;

/** Docker's {@code nvidia} runtime: {@code nvidia-ctk runtime configure --runtime=docker}, then restart Docker. */
final class RuntimeStep implements Step {
    static final String NAME = "runtime";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        if (host.facts().kind() == HostFacts.Kind.MAC || !host.config().profile().orElseThrow().nvidia()) {
            return Check.skipped("no NVIDIA GPU in use");
        }
        List<String> runtimes = host.facts().docker().runtimes();
        return host.facts().docker().nvidiaRuntime() ? Check.ok("docker info runtimes: " + String.join(", ", runtimes))
                : Check.needed("docker info names no nvidia runtime (" + String.join(", ", runtimes) + ")");
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of(Planned.run("register the nvidia runtime",
                        Commands.root("nvidia-ctk", "runtime", "configure", "--runtime=docker")),
                Planned.run("restart Docker", Commands.root("systemctl", "restart", "docker")));
    }

    @Override
    public Applied apply(Host host) {
        for (Planned planned : plan(host)) {
            host.runChecked(planned.command().orElseThrow());
        }
        return Applied.done("nvidia runtime registered, Docker restarted");
    }

    @Override
    public boolean refreshesFacts() {
        return true;
    }
}
