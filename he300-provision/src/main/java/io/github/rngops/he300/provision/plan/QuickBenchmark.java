package io.github.rngops.he300.provision.plan;

import java.util.function.Consumer;

/** Runs the quick HE-300 (30 scenarios) against the model server of a new host and returns a one-line summary. */
@FunctionalInterface
public interface QuickBenchmark {

    /**
     * What to benchmark, as the runner reaches it (through the tunnel).
     *
     * @param openAi whether it is an OpenAI-compatible server (vLLM) rather than Ollama's native API
     * @param url Ollama's base URL, or the OpenAI base URL ending in {@code /v1}
     * @param model the Ollama tag, or the served model id
     * @param concurrency requests in flight (vLLM: the profile's); empty: the target's suggestion
     */
    record Served(boolean openAi, String url, String model, java.util.OptionalInt concurrency) {
        /**
         * Checks that url, model and concurrency are given.
         *
         * @param openAi whether it is an OpenAI-compatible server
         * @param url the base URL
         * @param model the Ollama tag, or the served model id
         * @param concurrency requests in flight, or empty
         * @throws NullPointerException if url, model or concurrency is null
         */
        public Served {
            java.util.Objects.requireNonNull(url, "url");
            java.util.Objects.requireNonNull(model, "model");
            java.util.Objects.requireNonNull(concurrency, "concurrency");
        }
    }

    /**
     * Runs the benchmark; the host is only read (the model is asked, nothing installed).
     *
     * @param served the model server and model
     * @param lines where progress and the summary table go
     * @return one line for the recap: accuracy and counts
     */
    String run(Served served, Consumer<String> lines);
}
