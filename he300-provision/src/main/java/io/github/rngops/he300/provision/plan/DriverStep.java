package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFacts.DriverState;
import java.util.List;

/**
 * The NVIDIA driver. A GPU without one on Ubuntu gets {@code nvidia-driver-550} (Ollama needs ≥ 550), and the plan
 * stops to announce the reboot that loads it; a driver/library mismatch needs that reboot too.
 */
final class DriverStep implements Step {
    static final String NAME = "driver";
    static final String PACKAGE = "nvidia-driver-550";
    static final String REBOOT = "reboot the host, then run the same command again (or --from-step " + NAME + ")";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        HostFacts facts = host.facts();
        if (facts.kind() == HostFacts.Kind.MAC) {
            return Check.skipped("Apple silicon: Ollama uses Metal, no NVIDIA driver");
        }
        if (!host.config().profile().orElseThrow().nvidia()) {
            return Check.skipped("profile " + host.config().profile().orElseThrow().name() + " uses no NVIDIA GPU");
        }
        HostFacts.Nvidia nvidia = facts.nvidia();
        return switch (nvidia.state()) {
            case READY -> Check.ok("driver " + nvidia.driverVersion() + ", " + nvidia.gpus().size() + " × "
                    + nvidia.gpus().get(0).name() + (facts.rebootRequired() ? " (the OS asks for a reboot)" : ""));
            case MISMATCH_REBOOT_NEEDED -> Check.failed("driver/library version mismatch: " + nvidia.detail(), REBOOT);
            case DEVICE_WITHOUT_DRIVER -> facts.os().id().equals("ubuntu")
                    ? Check.needed("NVIDIA GPU without a driver: " + nvidia.pciDevices().get(0))
                    : Check.failed("NVIDIA GPU without a driver on " + facts.os().prettyName(),
                            "install the NVIDIA driver ≥ 550 for this OS, reboot, then run the same command again");
            case FAILED -> Check.failed("nvidia-smi failed: " + nvidia.detail(),
                    "fix the driver (nvidia-smi must list the GPUs), then run again with --from-step " + NAME);
            case NONE -> Check.failed("profile " + host.config().profile().orElseThrow().name()
                    + " needs an NVIDIA GPU, and none was seen", "choose gpu.profile: cpu, or check the host");
        };
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of(Planned.run("package lists", Commands.apt("update")),
                Planned.run("the NVIDIA driver", Commands.apt("install", "-y", PACKAGE)),
                Planned.note("then stop: " + REBOOT));
    }

    @Override
    public Applied apply(Host host) {
        host.runChecked(Commands.apt("update"));
        host.runChecked(Commands.apt("install", "-y", PACKAGE));
        return Applied.stop("installed " + PACKAGE + "; it loads after a reboot", REBOOT);
    }
}
