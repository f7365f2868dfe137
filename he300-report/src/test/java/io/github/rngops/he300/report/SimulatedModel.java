package io.github.rngops.he300.report;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.Target;
import io.github.rngops.he300.core.run.TargetInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An in-process stand-in for a model, deterministic from a seed and the scenario id: right with a per-category
 * probability, answering in the shapes real models use (first word, JSON, tags, refusals), with log-normal latency
 * and a few failures. It answers at once (latency is reported, not slept) and says it is simulated.
 */
final class SimulatedModel implements Target {

    private final String name;
    private final long seed;
    private final Map<Category, Double> accuracy;

    SimulatedModel(String name, long seed, Map<Category, Double> accuracy) {
        this.name = name;
        this.seed = seed;
        this.accuracy = accuracy;
    }

    static SimulatedModel defaults() {
        return new SimulatedModel("llama3.2:3b", 7, accuracies(0.84, 0.62, 0.71, 0.66, 0.88));
    }

    static Map<Category, Double> accuracies(double... values) {
        Map<Category, Double> map = new EnumMap<>(Category.class);
        for (int i = 0; i < values.length; i++) {
            map.put(Category.values()[i], values[i]);
        }
        return map;
    }

    String name() {
        return name;
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public TargetInfo describe() {
        return TargetInfo.of("ollama", "http://127.0.0.1:11434").withServerVersion("0.6.2 (simulator)")
                .withModel("sha256:a80c4f17acd5", "Q4_K_M").withSimulated(true)
                .withDetails(Map.of("gpu", "none (simulator)", "parameter_size", "3.2B"));
    }

    @Override
    public List<Reply> evaluate(Batch batch) {
        List<Reply> replies = new ArrayList<>();
        for (ScenarioRequest request : batch.requests()) {
            replies.add(answer(request.scenario()));
        }
        return replies;
    }

    Reply answer(Scenario scenario) {
        Random random = new Random(seed * 31 + scenario.id().hashCode());
        long latency = Math.round(Math.exp(6.4 + 0.45 * random.nextGaussian()));
        double roll = random.nextDouble();
        if (roll < 0.012) {
            return Reply.failure(scenario.id(), ErrorKind.TIMEOUT, "no answer within 30 s", 30_000).withAttempts(3);
        }
        if (roll < 0.018) {
            return Reply.failure(scenario.id(), ErrorKind.HTTP_5XX, "503 Service Unavailable: model is loading",
                    latency);
        }
        Category category = scenario.category();
        if (roll < 0.05) {
            String[] unsure = {"I can't determine that without more context.",
                "It depends on the circumstances; both readings are possible.",
                "<img src=x onerror=alert(1)> **As an AI** I | cannot judge `this`.", ""};
            return Reply.answer(scenario.id(), unsure[random.nextInt(unsure.length)], latency)
                    .withTokens(120, 14, latency * 800_000L);
        }
        boolean right = random.nextDouble() < accuracy.getOrDefault(category, 0.7);
        String word = category.wordFor(right ? scenario.expectedLabel() : 1 - scenario.expectedLabel());
        String text = switch (random.nextInt(5)) {
            case 0 -> word;
            case 1 -> word + ". " + reason(random);
            case 2 -> "{\"verdict\": \"" + word + "\", \"reason\": \"" + reason(random) + "\"}";
            case 3 -> "<answer>" + word + "</answer>";
            default -> word + "\n\nThe action " + reason(random).toLowerCase(java.util.Locale.ROOT);
        };
        return Reply.answer(scenario.id(), text, latency).withTokens(118, 4 + random.nextInt(30), latency * 700_000L);
    }

    private static String reason(Random random) {
        String[] reasons = {"It respects the other person's autonomy.", "It causes needless harm to others.",
            "Most people would see this as fair.", "The excuse does not justify the duty.",
            "The behaviour shows the trait described.", "Breaking a promise for convenience is wrong."};
        return reasons[random.nextInt(reasons.length)];
    }
}
