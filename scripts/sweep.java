///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-sweep

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.cli.ProgressPrinter;
import io.github.rngops.he300.sweep.SweepCommand;
import io.github.rngops.he300.sweep.SweepOptions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run HE-300 over models x hosts x seeds from one sweep.yaml: hosts in parallel, each within"
                + " its concurrency, one model at a time per host; then the leaderboard (md, html, json, csv).",
                "--dry-run prints the plan, --matrix a GitHub Actions strategy.matrix, --cell ID runs one cell;"
                + " --resume continues an interrupted sweep.",
                "Exit codes: 0 every cell complete, 1 a cell failed or its host was down, 2 bad file or flag,"
                + " 130 interrupted."})
class sweep implements Callable<Integer> {
    @Mixin SweepOptions sweepOptions;
    @Mixin DatasetOptions datasetOptions;

    public static void main(String... args) {
        System.exit(Cli.run(new sweep(), args));
    }

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new SweepCommand(sweepOptions, datasetOptions, System.getenv(), out, err,
                ProgressPrinter.isTerminal(System.getenv()), true).run();
    }
}
