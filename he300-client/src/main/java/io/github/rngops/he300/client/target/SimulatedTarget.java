package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.TargetInfo;
import java.util.Collection;
import java.util.List;

/**
 * The simulator on an ephemeral loopback port, with the run's sample as its ground truth, and the Ollama target
 * talking to it over real HTTP. Everything it describes says {@code simulated}.
 */
final class SimulatedTarget implements OpenTarget {

    /** Generations the simulator runs at once unless told otherwise: a GPU server's few slots. */
    static final int DEFAULT_PARALLEL = 4;

    private final Simulator simulator;
    private final OllamaTarget ollama;
    private final TargetInfo info;

    SimulatedTarget(TargetConfig config, Collection<Scenario> groundTruth) {
        String model = config.model() == null ? SimulatorSettings.DEFAULT_MODEL : config.model();
        SimulatorSettings.Builder settings = SimulatorSettings.builder().groundTruth(groundTruth).models(model)
                .parallel(DEFAULT_PARALLEL);
        this.simulator = Simulator.start(config.simulator().apply(settings).build());
        try {
            TargetConfig overHttp = config.toBuilder().url(simulator.baseUri().toString()).model(model).build();
            this.ollama = new OllamaTarget(overHttp, TargetKind.SIMULATE.id(), true);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        this.info = ollama.describe().withSimulated(true);
    }

    /** The simulator behind this target, for tests and for counting what it was sent. */
    Simulator simulator() {
        return simulator;
    }

    @Override
    public String model() {
        return ollama.model();
    }

    @Override
    public int maxBatch() {
        return ollama.maxBatch();
    }

    @Override
    public TargetInfo describe() {
        return info;
    }

    @Override
    public List<Reply> evaluate(Batch batch) throws InterruptedException {
        return ollama.evaluate(batch);
    }

    @Override
    public void close() {
        try {
            ollama.close();
        } finally {
            simulator.close();
        }
    }
}
