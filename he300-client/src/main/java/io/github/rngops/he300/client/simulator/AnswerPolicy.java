package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.client.simulator.RequestRecord.AnswerKind;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides every answer from the seed and the scenario id alone, so a scenario gets the same answer whatever the order
 * or concurrency of requests, the model asked, or which other scenarios the simulator knows.
 *
 * <p>For a matched scenario, {@code r = new SplittableRandom(seed ^ fnv1a64(id))} yields, in this order:
 * {@code u1 = r.nextDouble()}: off-format when {@code u1 < offFormatRate}; {@code u2 = r.nextDouble()}: the expected
 * word when {@code u2 < accuracy(category)}, else the other word; then the style and explanation. Each draw is made
 * whatever the earlier ones gave, so raising the accuracy only turns wrong answers right (and off-format ones stay
 * off-format). The scored accuracy of a run is so about {@code accuracy * (1 - offFormatRate)}, and its accuracy over
 * answers in format about {@code accuracy}. A prompt that matches no scenario gets an off-format answer drawn from
 * {@code seed ^ fnv1a64(prompt)}.
 */
final class AnswerPolicy {

    /** An answer and why it is what it is. */
    record Answer(String text, Scenario scenario, AnswerKind kind) {
        Optional<Scenario> matched() {
            return Optional.ofNullable(scenario);
        }
    }

    private final long seed;
    private final SimulatorSettings settings;
    private final GroundTruth truth;

    AnswerPolicy(SimulatorSettings settings) {
        this.seed = settings.seed();
        this.settings = settings;
        this.truth = new GroundTruth(settings.groundTruth());
    }

    /** The ground-truth scenario {@code prompt} is for, without answering it. */
    Optional<Scenario> match(String prompt) {
        return truth.match(prompt);
    }

    Answer answer(String prompt, boolean json) {
        Optional<Scenario> matched = truth.match(prompt);
        if (matched.isEmpty()) {
            SplittableRandom random = Seeds.forText(seed, prompt);
            return new Answer(AnswerTexts.offFormat(random.nextInt(), json), null, AnswerKind.UNMATCHED);
        }
        Scenario scenario = matched.get();
        Category category = scenario.category();
        SplittableRandom random = Seeds.forText(seed, scenario.id());
        double formatDraw = random.nextDouble();
        double rightDraw = random.nextDouble();
        int style = random.nextInt(10);
        int pick = random.nextInt();
        if (formatDraw < settings.offFormatRate()) {
            return new Answer(AnswerTexts.offFormat(pick, json), scenario, AnswerKind.OFF_FORMAT);
        }
        boolean right = rightDraw < settings.accuracyFor(category);
        int label = right ? scenario.expectedLabel() : 1 - scenario.expectedLabel();
        String text = AnswerTexts.verdict(category, label == category.positiveLabel(), category.wordFor(label),
                style, pick, json);
        return new Answer(text, scenario, right ? AnswerKind.CORRECT : AnswerKind.WRONG);
    }
}
