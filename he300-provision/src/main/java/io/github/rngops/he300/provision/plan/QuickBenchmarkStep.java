package io.github.rngops.he300.provision.plan;

import java.util.List;
import java.util.OptionalInt;

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
                + " through 127.0.0.1:" + port(host) + " on the host"
                + (host.config().vllm() ? " (vLLM's OpenAI API, " + host.config().vllmMaxNumSeqs() + " in flight)" : "")
                + "; print the summary"));
    }

    @Override
    public Applied apply(Host host) {
        try (Ports.Endpoint endpoint = host.ports().open(port(host))) {
            QuickBenchmark.Served served = host.config().vllm()
                    ? new QuickBenchmark.Served(true, endpoint.url() + "/v1", model(host),
                            OptionalInt.of(host.config().vllmMaxNumSeqs()))
                    : new QuickBenchmark.Served(false, endpoint.url(), model(host), OptionalInt.empty());
            return Applied.done(host.benchmark().orElseThrow().run(served, host::say));
        }
    }

    /** The model server's host port: vLLM's or Ollama's. */
    static int port(Host host) {
        return host.config().vllm() ? host.config().services().vllm().port() : ModelPullStep.port(host);
    }

    @Override
    public boolean changesHost() {
        return false;
    }

    private static String model(Host host) {
        return host.config().vllm() ? host.config().huggingFaceModel().orElseThrow()
                : host.config().models().defaultPull().tag().toString();
    }
}
