package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.sample.Sample;
import java.util.Objects;

/**
 * What to run: the sample, how its scenarios become prompts, how answers are read, and what is sent with each.
 *
 * <pre>{@code
 * RunPlan plan = RunPlan.of(sample, GenerationSettings.of("llama3.2", Map.of("temperature", 0, "seed", 42)));
 * }</pre>
 *
 * @param sample the scenarios, at least one
 * @param prompts how a scenario becomes a prompt
 * @param parser how an answer becomes a verdict
 * @param generation the model and the options sent with every request
 */
public record RunPlan(Sample sample, PromptSet prompts, AnswerParser parser, GenerationSettings generation) {

    /**
     * Checks the components.
     *
     * @param sample the scenarios, at least one
     * @param prompts how a scenario becomes a prompt
     * @param parser how an answer becomes a verdict
     * @param generation the model and the options sent with every request
     * @throws NullPointerException if any is null
     * @throws IllegalArgumentException if the sample has no scenarios
     */
    public RunPlan {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(generation, "generation");
        if (sample.scenarios().isEmpty()) {
            throw new IllegalArgumentException("the sample has no scenarios");
        }
    }

    /**
     * {@return a plan for {@code sample} with the CIRIS-compatible prompts and the strict parser}
     *
     * @param sample the scenarios, at least one
     * @param generation the model and the options sent with every request
     * @throws IllegalArgumentException if the sample has no scenarios
     */
    public static RunPlan of(Sample sample, GenerationSettings generation) {
        return new RunPlan(sample, PromptSet.ciris(), AnswerParser.strict(), generation);
    }
}
