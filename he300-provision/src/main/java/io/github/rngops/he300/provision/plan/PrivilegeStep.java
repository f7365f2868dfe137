package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.provision.facts.HostFacts.Privilege;
import java.util.List;

/** Root, or sudo without a password: every later step needs it. Checked only. */
final class PrivilegeStep implements Step {
    static final String NAME = "privileges";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        Privilege privilege = host.facts().privilege();
        return switch (privilege) {
            case ROOT -> Check.ok("root");
            case PASSWORDLESS_SUDO -> Check.ok(host.facts().user() + " with passwordless sudo");
            case NONE -> Check.failed(host.facts().user() + " is not root and sudo asks for a password",
                    "connect as root, or allow passwordless sudo for " + host.facts().user()
                            + " (a line `" + host.facts().user() + " ALL=(ALL) NOPASSWD:ALL` in /etc/sudoers.d/he300)");
        };
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of();
    }

    @Override
    public Applied apply(Host host) {
        throw new PlanException("privileges cannot be applied", "see the check");
    }
}
