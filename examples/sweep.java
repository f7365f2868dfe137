///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0}@pom
//DEPS io.github.rng-ops:he300-client

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
import io.github.rngops.he300.core.score.Summary;

/**
 * A scripted sweep: the same 50-scenario sample run once per setting, the runs compared in one table. Here the
 * setting is the simulator's accuracy, so it runs anywhere; for a real sweep, loop over models (or temperatures)
 * and build the TargetConfig of your server instead. Run it with jbang:
 *
 *   jbang examples/sweep.java            # HE300_DATASET names the ETHICS files (or the user cache holds them)
 *
 * Exits 1 when the runs are not ordered as their settings are, which the simulator guarantees for this sample.
 */
class sweep {
    public static void main(String... args) {
        Dataset ethics = Dataset.load(DatasetLocator.fromEnvironment(System.getenv()).locate().directory());
        Sample sample = Sampler.draw(SampleSpec.builder().size(50).seed(7).build(), ethics);
        double[] settings = {0.5, 0.7, 0.9};
        double previous = -1;
        boolean ordered = true;
        System.out.printf("%-10s %5s %8s %9s %16s%n", "setting", "n", "correct", "accuracy", "95% interval");
        for (double setting : settings) {
            TargetConfig config = TargetConfig.builder(TargetKind.SIMULATE)
                    .simulator(simulator -> simulator.accuracy(setting)).build();
            RunResult result;
            try (OpenTarget target = Targets.open(config, sample.scenarios())) {
                RunPlan plan = RunPlan.of(sample, Targets.generation(TargetKind.SIMULATE, target.model(), 42, 256));
                result = RunEngine.builder().target(target).concurrency(4).build().start(plan).await();
            }
            Summary summary = result.summary();
            System.out.printf("%-10s %5d %8d %8.1f%% %7.1f%%–%5.1f%%%n", "acc=" + setting, summary.total(),
                    summary.correct(), 100 * summary.accuracy(), 100 * summary.interval().low(),
                    100 * summary.interval().high());
            ordered &= summary.accuracy() > previous;
            previous = summary.accuracy();
        }
        System.exit(ordered ? 0 : 1);
    }
}
