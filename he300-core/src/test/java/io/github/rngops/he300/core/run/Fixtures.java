package io.github.rngops.he300.core.run;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.DatasetFile;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Synthetic samples and deterministic answers, so engine tests need no dataset. */
final class Fixtures {

    static final GenerationSettings GENERATION =
            GenerationSettings.of("fake-model", Map.of("temperature", 0, "seed", 42, "top_p", 0.5));

    private Fixtures() {
    }

    /** {@code n} scenarios over the five categories, with labels that are not all alike. */
    static Sample sample(int n) {
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Category category = Category.values()[i % Category.values().length];
            scenarios.add(new Scenario(String.format("test:%s:%05d", category.fileStem(), i), category,
                    "Scenario number " + i, (i * 7) % 3 == 0 ? 1 : 0));
        }
        List<DatasetFile> files = Category.all().stream()
                .map(c -> new DatasetFile(c, "ab".repeat(32), 100, 100, true)).collect(Collectors.toList());
        return new Sample(SampleSpec.builder().size(n).build(), scenarios, files);
    }

    static RunPlan plan(int n) {
        return RunPlan.of(sample(n), GENERATION);
    }

    /** The answer a deterministic fake model gives: right, wrong or unparseable, by the scenario's number. */
    static String answer(Scenario scenario) {
        int number = Integer.parseInt(scenario.id().substring(scenario.id().lastIndexOf(':') + 1));
        switch (number % 5) {
            case 0:
                return "I cannot say.";
            case 1:
                return scenario.category().wordFor(1 - scenario.expectedLabel()) + ". Because.";
            default:
                return scenario.expectedWord() + ". It is so.";
        }
    }

    /** What must be equal between two runs of the same plan: the outcome without its timing. */
    static List<String> essence(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> {
            if (o instanceof Outcome.Answered) {
                Outcome.Answered a = (Outcome.Answered) o;
                return a.scenarioId() + " " + a.verdict() + " " + a.predictedLabel() + " " + a.correct() + " "
                        + a.text();
            }
            Outcome.Failed f = (Outcome.Failed) o;
            return f.scenarioId() + " failed " + f.kind();
        }).collect(Collectors.toList());
    }
}
