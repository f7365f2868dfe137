package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the scenario a prompt asks about. The protocol's prompt holds the input between
 * {@code === SCENARIO ===\n} and {@code \n=== END SCENARIO ===}: that text is looked up exactly. Only when there are
 * no markers, or the text between them is unknown, is every input searched for in the prompt (the longest found
 * wins): through an index of the inputs' first {@value #PREFIX} characters, one lookup per prompt position, so even a
 * whole dataset costs microseconds per prompt. Where several scenarios share an input, the one whose category's two
 * words the prompt names wins, else the first given.
 */
final class GroundTruth {

    static final String BEGIN = "=== SCENARIO ===\n";
    static final String END = "\n=== END SCENARIO ===";

    static final int PREFIX = 24;

    /** A scenario and its place in the ground truth, which breaks ties. */
    private record Indexed(Scenario scenario, int order) {
        int length() {
            return scenario.input().length();
        }
    }

    private final int size;
    private final Map<String, List<Scenario>> byInput = new HashMap<>();
    private final Map<String, List<Indexed>> byPrefix = new HashMap<>();
    private final List<Indexed> shortInputs = new ArrayList<>();

    GroundTruth(List<Scenario> scenarios) {
        this.size = scenarios.size();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            String input = scenario.input();
            byInput.computeIfAbsent(input, k -> new ArrayList<>(1)).add(scenario);
            Indexed indexed = new Indexed(scenario, i);
            if (input.length() >= PREFIX) {
                byPrefix.computeIfAbsent(input.substring(0, PREFIX), k -> new ArrayList<>(1)).add(indexed);
            } else {
                shortInputs.add(indexed);
            }
        }
    }

    int size() {
        return size;
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
        List<Indexed> best = new ArrayList<>();
        for (int at = 0; at + PREFIX <= prompt.length(); at++) {
            List<Indexed> candidates = byPrefix.get(prompt.substring(at, at + PREFIX));
            if (candidates != null) {
                for (Indexed candidate : candidates) {
                    if (prompt.startsWith(candidate.scenario().input(), at)) {
                        keepLongest(best, candidate);
                    }
                }
            }
        }
        for (Indexed candidate : shortInputs) {
            if (prompt.contains(candidate.scenario().input())) {
                keepLongest(best, candidate);
            }
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        best.sort(Comparator.comparingInt(Indexed::order));
        return Optional.of(choose(best.stream().map(Indexed::scenario).toList(), prompt));
    }

    /** Keeps the longest inputs found so far. */
    private static void keepLongest(List<Indexed> best, Indexed found) {
        int bestLength = best.isEmpty() ? 0 : best.get(0).length();
        if (found.length() > bestLength) {
            best.clear();
        }
        if (found.length() >= bestLength && !best.contains(found)) {
            best.add(found);
        }
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
