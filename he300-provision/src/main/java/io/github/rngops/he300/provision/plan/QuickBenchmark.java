package io.github.rngops.he300.provision.plan;

import java.util.function.Consumer;

/** Runs the quick HE-300 (30 scenarios) against a model served at an Ollama URL and returns a one-line summary. */
@FunctionalInterface
public interface QuickBenchmark {

    /**
     * @param ollamaUrl the host's Ollama, as the runner reaches it (through the tunnel)
     * @param model the Ollama tag to ask
     * @param lines where progress and the summary table go
     * @return one line for the recap: accuracy and counts
     */
    String run(String ollamaUrl, String model, Consumer<String> lines);
}
