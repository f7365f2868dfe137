package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.facts.HostFacts;
import java.util.List;

/**
 * Docker Engine and the compose plugin, from Docker's apt repository with its key under {@code /etc/apt/keyrings}
 * ({@code signed-by}); present on Lambda Stack and GPU Base, so only checked there. On a Mac, Docker Desktop is the
 * operator's to install: checked only.
 */
final class DockerStep implements Step {
    static final String NAME = "docker";
    static final String PACKAGES = "docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin";
    /** Writes the repository line; {@code $1} is the file root, {@code $2} the distribution (ubuntu, debian). */
    static final String SOURCE_SCRIPT = "set -e; . \"$1/etc/os-release\"; mkdir -p \"$1/etc/apt/sources.list.d\"; "
            + "echo \"deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc] "
            + "https://download.docker.com/linux/$2 $VERSION_CODENAME stable\" > \"$1/etc/apt/sources.list.d/docker.list\"";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        HostFacts.Docker docker = host.facts().docker();
        if (docker.running() && !docker.composeVersion().isEmpty()) {
            String origin = switch (host.facts().kind()) {
                case LAMBDA_STACK -> " (shipped with Lambda Stack)";
                case GPU_BASE -> " (shipped with GPU Base)";
                case MAC -> " (Docker Desktop)";
                default -> "";
            };
            return Check.ok("Docker " + docker.serverVersion() + ", compose " + docker.composeVersion() + origin);
        }
        if (host.facts().kind() == HostFacts.Kind.MAC) {
            return Check.failed("Docker Desktop is not running" + (docker.running() ? " with compose" : ""),
                    "install Docker Desktop (https://docs.docker.com/desktop/setup/install/mac-install/) and start it;"
                            + " he300 does not install it on a Mac. Then run the same command again.");
        }
        if (distribution(host).isEmpty()) {
            return Check.failed("no Docker on " + host.facts().os().prettyName(),
                    "install Docker Engine and the compose plugin yourself: he300 installs them on Ubuntu and Debian");
        }
        return Check.needed(docker.running() ? "Docker " + docker.serverVersion() + " without the compose plugin"
                : "Docker is not installed or not running");
    }

    @Override
    public List<Planned> plan(Host host) {
        String dist = distribution(host);
        String key = host.path("/etc/apt/keyrings/docker.asc");
        return List.of(
                Planned.run("package lists", Commands.apt("update")),
                Planned.run("prerequisites", Commands.apt("install", "-y", "ca-certificates", "curl")),
                Planned.run("keyring directory", Commands.root("install", "-m", "0755", "-d",
                        host.path("/etc/apt/keyrings"))),
                Planned.run("Docker's signing key", Commands.root("curl", "-fsSL",
                        "https://download.docker.com/linux/" + dist + "/gpg", "-o", key)),
                Planned.run("key readable by apt", Commands.root("chmod", "a+r", key)),
                Planned.run("Docker's repository, signed-by the key",
                        Commands.script(SOURCE_SCRIPT, host.root(), dist)),
                Planned.run("package lists with Docker's", Commands.apt("update")),
                Planned.run("Docker Engine and compose", Commands.apt(("install -y " + PACKAGES).split(" "))),
                Planned.run("start Docker now and at boot", Commands.root("systemctl", "enable", "--now", "docker")));
    }

    @Override
    public Applied apply(Host host) {
        for (Planned planned : plan(host)) {
            host.say("  " + planned.summary());
            host.runChecked(planned.command().orElseThrow());
        }
        return Applied.done("installed " + PACKAGES);
    }

    @Override
    public boolean refreshesFacts() {
        return true;
    }

    private static String distribution(Host host) {
        String id = host.facts().os().id();
        return id.equals("ubuntu") || id.equals("debian") ? id : "";
    }
}
