package io.github.rngops.he300.client.target;

import io.github.rngops.he300.core.run.Target;

/**
 * A {@link Target} that holds connections (and, for the simulator, a server): ready when {@link Targets#open}
 * returns it, closed when the run is over.
 */
public interface OpenTarget extends Target, AutoCloseable {

    /**
     * {@return how many batches the server itself says it runs at once, when it says (a GPU profile, a vLLM setting);
     * empty when it does not, and the caller picks}
     */
    default java.util.OptionalInt suggestedConcurrency() {
        return java.util.OptionalInt.empty();
    }

    /**
     * {@return the model this target runs, as its server names it (for Ollama and OpenAI, checked to exist; for
     * EthicsEngine and CIRISNode, the one asked for, or {@code server-default} when the server chooses)}
     */

    String model();

    /** Releases the connections (and stops a simulator). */
    @Override
    void close();
}
