package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.facts.HostFacts;
import java.util.List;

/** The NVIDIA Container Toolkit, from NVIDIA's repository with its key ({@code signed-by}). */
final class ToolkitStep implements Step {
    static final String NAME = "toolkit";
    static final String PACKAGE = "nvidia-container-toolkit";
    static final String KEYRING = "/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg";
    /** {@code $1} is the file root. */
    static final String REPO_SCRIPT = "set -e; mkdir -p \"$1/usr/share/keyrings\" \"$1/etc/apt/sources.list.d\"; "
            + "curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | gpg --batch --yes --dearmor -o \"$1"
            + KEYRING + "\"; curl -fsSL https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list"
            + " | sed 's#deb https://#deb [signed-by=" + KEYRING + "] https://#g'"
            + " > \"$1/etc/apt/sources.list.d/nvidia-container-toolkit.list\"";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        if (host.facts().kind() == HostFacts.Kind.MAC || !host.config().profile().orElseThrow().nvidia()) {
            return Check.skipped("no NVIDIA GPU in use");
        }
        HostFacts.Docker docker = host.facts().docker();
        if (docker.toolkitInstalled()) {
            return Check.ok("nvidia-container-toolkit " + (docker.toolkitVersion().isEmpty()
                    ? docker.nvidiaCtkVersion() : docker.toolkitVersion()));
        }
        return Check.needed("nvidia-container-toolkit is not installed");
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of(Planned.run("NVIDIA's key and repository", Commands.script(REPO_SCRIPT, host.root())),
                Planned.run("package lists", Commands.apt("update")),
                Planned.run("the toolkit", Commands.apt("install", "-y", PACKAGE)));
    }

    @Override
    public Applied apply(Host host) {
        for (Planned planned : plan(host)) {
            host.say("  " + planned.summary());
            host.runChecked(planned.command().orElseThrow());
        }
        return Applied.done("installed " + PACKAGE);
    }

    @Override
    public boolean refreshesFacts() {
        return true;
    }
}
