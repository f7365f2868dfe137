/**
 * Sweeps: HE-300 over models × hosts × seeds from one {@code sweep.yaml}, on one runner or as the jobs of a CI matrix.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.read(Path.of("sweep.yaml"));         // placed errors, like install.yaml's
 * SweepPlan plan = sweep.plan();                           // grouped by host, then model; stable cell ids
 * System.out.print(plan.describe(Duration.ofSeconds(2))); // the dry run
 * SweepResult result = SweepRunner.builder(plan, Path.of("sweeps/nightly"))
 *         .dataset(() -> Dataset.load(datasetDir))
 *         .build().run();                                  // cells/<id>/ are ordinary run directories
 * Leaderboard.builder().directories(result.completeDirectories()).build().write(Path.of("sweeps/nightly"));
 * }</pre>
 *
 * <p>{@link io.github.rngops.he300.sweep.Sweep}, {@link io.github.rngops.he300.sweep.Host},
 * {@link io.github.rngops.he300.sweep.Model} and {@link io.github.rngops.he300.sweep.Cell} describe a sweep;
 * {@link io.github.rngops.he300.sweep.SweepPlan} orders its cells and prints the dry run and the GitHub Actions
 * matrix; {@link io.github.rngops.he300.sweep.SweepRunner} runs them (reading, pulling, resuming and journaling are
 * package-private); {@link io.github.rngops.he300.sweep.SweepCommand} is {@code ./he300 sweep}. See
 * {@code docs/SWEEPS.md}.
 */
package io.github.rngops.he300.sweep;
