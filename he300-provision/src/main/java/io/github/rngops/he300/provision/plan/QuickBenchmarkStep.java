package io.github.rngops.he300.provision.plan;

import java.util.List;

/** The quick HE-300 (30 scenarios) against the new host's Ollama, through the tunnel; its summary in the recap. */
final class QuickBenchmarkStep implements Step {
    static final String NAME = "benchmark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        if (host.benchmark().isEmpty()) {
            return Check.skipped("no quick HE-300 asked for (--no-benchmark)");
        }
        return Check.needed("30 scenarios against " + model(host));
    }

    @Override
    public List<Planned> plan(Host host) {
        return List.of(Planned.note("run the quick HE-300 (30 scenarios) against " + model(host)
                + " through 127.0.0.1:" + ModelPullStep.port(host) + " on the host; print the summary"));
    }

    @Override
    public Applied apply(Host host) {
        try (Ports.Endpoint endpoint = host.ports().open(ModelPullStep.port(host))) {
            return Applied.done(host.benchmark().orElseThrow().run(endpoint.url(), model(host), host::say));
        }
    }

    @Override
    public boolean changesHost() {
        return false;
    }

    private static String model(Host host) {
        return host.config().models().defaultPull().tag().toString();
    }
}
