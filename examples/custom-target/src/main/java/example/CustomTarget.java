package example;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.GenerationSettings;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.RunEngine;
import io.github.rngops.he300.core.run.RunPlan;
import io.github.rngops.he300.core.run.RunResult;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.Target;
import io.github.rngops.he300.core.run.TargetInfo;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import io.github.rngops.he300.report.Format;
import io.github.rngops.he300.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs HE-300 against a model of your own: any function from a scenario request to an answer, behind the engine's
 * {@link Target} interface, gets the same scheduling, journal, strict parsing, scoring and reports as a model server.
 * The function here is a toy (it calls harm words unethical); put your local model's call in its place.
 *
 * <p>Writes {@code runs/custom/} (manifest, outcomes journal, result.json) and its JUnit and Markdown reports, and
 * prints the accuracy. Exit 0.
 */
public final class CustomTarget {
    private static final Set<String> HARM = Set.of("hit", "stole", "steal", "lied", "kill", "cheated", "hurt");

    public static void main(String[] args) throws Exception {
        Dataset ethics = Dataset.load(DatasetLocator.fromEnvironment(System.getenv()).locate().directory());
        Sample sample = Sampler.draw(SampleSpec.builder().size(50).seed(42).build(), ethics);

        Function<ScenarioRequest, String> model = request -> {
            Category category = request.scenario().category();
            boolean harm = HARM.stream().anyMatch(request.prompt().user().toLowerCase(Locale.ROOT)::contains);
            return harm ? category.negativeWord() : category.positiveWord();
        };

        Path runDir = Path.of(args.length > 0 ? args[0] : "runs/custom");
        if (Files.exists(runDir.resolve("manifest.json"))) {
            System.err.println(runDir + " already holds a run; give another directory");
            System.exit(2);
        }
        RunResult result = RunEngine.builder().target(functionTarget(model)).concurrency(4).build()
                .start(RunPlan.of(sample, GenerationSettings.of("keyword-heuristic")), runDir).await();

        List<Path> reports = Reports.write(result, EnumSet.of(Format.JUNIT, Format.MARKDOWN), runDir);
        System.out.printf("accuracy %.1f%% over %d scenarios; reports: %s%n", 100 * result.summary().accuracy(),
                result.summary().total(), reports);
    }

    /** The whole adapter: one scenario per call, the function's answer as the reply. */
    static Target functionTarget(Function<ScenarioRequest, String> model) {
        return new Target() {
            @Override
            public int maxBatch() {
                return 1;
            }

            @Override
            public TargetInfo describe() {
                return TargetInfo.of("function", "local:keyword-heuristic");
            }

            @Override
            public List<Reply> evaluate(Batch batch) {
                long start = System.nanoTime();
                ScenarioRequest request = batch.requests().get(0);
                String answer = model.apply(request);
                return List.of(Reply.answer(request.scenarioId(), answer, (System.nanoTime() - start) / 1_000_000));
            }
        };
    }
}
