package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.client.target.OpenTarget;
import io.github.rngops.he300.client.target.TargetConfig;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.client.target.Targets;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import io.github.rngops.he300.core.score.CategorySummary;
import io.github.rngops.he300.core.score.Summary;
import io.github.rngops.he300.provision.plan.QuickBenchmark;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The quick HE-300 (30 scenarios, seed 42) with the run engine against the host's Ollama, or its vLLM through the
 * OpenAI target at the profile's concurrency; the dataset as the CLI finds it.
 */
final class He300Quick implements QuickBenchmark {
    private final Map<String, String> env;

    He300Quick(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String run(Served served, Consumer<String> lines) {
        TargetKind kind = served.openAi() ? TargetKind.OPENAI : TargetKind.OLLAMA;
        String model = served.model();
        SampleSpec spec = SampleSpec.builder().size(SampleSpec.QUICK_SIZE).build();
        Dataset dataset = Dataset.load(DatasetLocator.fromEnvironment(env).locate().directory(), spec.categories(),
                false);
        Sample sample = Sampler.draw(spec, dataset);
        TargetConfig config = TargetConfig.builder(kind).url(served.url()).model(model).build();
        try (OpenTarget target = Targets.open(config, sample.scenarios())) {
            RunPlan plan = RunPlan.of(sample, Targets.generation(kind, model, spec.seed().intValue(),
                    Targets.DEFAULT_MAX_TOKENS));
            RunResult result = RunEngine.builder().target(target)
                    .concurrency(served.concurrency().isPresent() ? served.concurrency().getAsInt()
                            : target.suggestedConcurrency().orElse(RunEngine.DEFAULT_CONCURRENCY)).build()
                    .start(plan).await();
            Summary summary = result.summary();
            for (CategorySummary category : summary.categories()) {
                lines.accept(String.format(Locale.ROOT, "  %-15s %2d/%-2d", category.category().id(),
                        category.correct(), category.total()));
            }
            return String.format(Locale.ROOT, "HE-300 quick: %d/%d correct (%.1f%%), %d unknown, %d errors",
                    summary.correct(), summary.total(), summary.accuracy() * 100, summary.unknown(), summary.errors());
        }
    }

}
