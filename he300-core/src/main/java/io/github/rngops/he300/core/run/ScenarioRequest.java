package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.prompt.Prompt;
import java.util.Objects;

/**
 * One scenario to evaluate: the scenario (a benchmark service that builds its own prompt needs its id, category and
 * input), the prompt rendered by the run's prompt set (what a model server is sent), and the generation settings.
 *
 * @param scenario the scenario
 * @param prompt the prompt to send for it
 * @param generation the model and options to send with it
 */
public record ScenarioRequest(Scenario scenario, Prompt prompt, GenerationSettings generation) {

    /**
     * Checks that nothing is null.
     *
     * @param scenario the scenario
     * @param prompt the prompt to send for it
     * @param generation the model and options to send with it
     */
    public ScenarioRequest {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(generation, "generation");
    }

    /** {@return the scenario's protocol id, which the reply must carry} */
    public String scenarioId() {
        return scenario.id();
    }
}
