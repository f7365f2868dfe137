package io.github.rngops.he300.provision.plan;

import java.time.Instant;
import java.util.List;

/** Every service running and healthy (per its compose healthcheck) within a deadline, polled. Changes nothing. */
final class HealthGateStep implements Step {
    static final String NAME = "health";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        List<String> expected = ComposeState.expected(host);
        List<String> sick = ComposeState.read(host).notHealthy(expected);
        return sick.isEmpty() ? Check.ok(expected.size() + " services healthy")
                : Check.needed("waiting for " + String.join(", ", sick));
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of(Planned.note("poll `docker compose ps` every " + host.pollInterval().toSeconds()
                + " s until " + String.join(", ", ComposeState.expected(host)) + " are healthy, for at most "
                + host.healthDeadline().toSeconds() + " s"));
    }

    @Override
    public Applied apply(Host host) {
        Instant deadline = host.clock().instant().plus(host.healthDeadline());
        List<String> expected = ComposeState.expected(host);
        List<String> sick = ComposeState.read(host).notHealthy(expected);
        while (!sick.isEmpty()) {
            if (!host.clock().instant().isBefore(deadline)) {
                throw new PlanException("not healthy within " + host.healthDeadline().toSeconds() + " s: "
                        + String.join(", ", sick), "look at `./he300 install --logs SERVICE`, fix it, then run again with --from-step " + NAME);
            }
            host.say("  waiting: " + String.join(", ", sick));
            try {
                host.sleeper().sleep(host.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlanException("interrupted while waiting for the services", "run again with --from-step " + NAME);
            }
            sick = ComposeState.read(host).notHealthy(expected);
        }
        return Applied.done(expected.size() + " services healthy");
    }

    @Override
    public boolean changesHost() {
        return false;
    }
}
