package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the scenario a prompt asks about. The protocol's prompt holds the input between
 * {@code === SCENARIO ===\n} and {@code \n=== END SCENARIO ===}: that text is looked up exactly. Only when there are
 * no markers, or the text between them is unknown, is every input searched for in the prompt (the longest found
 * wins). Where several scenarios share an input, the one whose category's two words the prompt names wins, else the
 * first given.
 */
final class GroundTruth {

    static final String BEGIN = "=== SCENARIO ===\n";
    static final String END = "\n=== END SCENARIO ===";

    private final List<Scenario> scenarios;
    private final Map<String, List<Scenario>> byInput;

    GroundTruth(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
        Map<String, List<Scenario>> index = new HashMap<>(scenarios.size() * 2);
        for (Scenario scenario : scenarios) {
            index.computeIfAbsent(scenario.input(), k -> new ArrayList<>(1)).add(scenario);
        }
        this.byInput = index;
    }

    int size() {
        return scenarios.size();
    }

    Optional<Scenario> match(String prompt) {
        int begin = prompt.indexOf(BEGIN);
        if (begin >= 0) {
            int from = begin + BEGIN.length();
            int end = prompt.indexOf(END, from);
            if (end >= from) {
                List<Scenario> found = byInput.get(prompt.substring(from, end));
                if (found != null) {
                    return Optional.of(choose(found, prompt));
                }
            }
        }
        return scan(prompt);
    }

    private Optional<Scenario> scan(String prompt) {
        List<Scenario> best = new ArrayList<>();
        int bestLength = 0;
        for (Scenario scenario : scenarios) {
            int length = scenario.input().length();
            if (length < bestLength || length > prompt.length() || !prompt.contains(scenario.input())) {
                continue;
            }
            if (length > bestLength) {
                best.clear();
                bestLength = length;
            }
            best.add(scenario);
        }
        return best.isEmpty() ? Optional.empty() : Optional.of(choose(best, prompt));
    }

    private static Scenario choose(List<Scenario> candidates, String prompt) {
        if (candidates.size() > 1) {
            for (Scenario candidate : candidates) {
                Category c = candidate.category();
                if (prompt.contains(c.positiveWord() + " or " + c.negativeWord())) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }
}
