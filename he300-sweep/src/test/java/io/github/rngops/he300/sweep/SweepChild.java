package io.github.rngops.he300.sweep;

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./he300 sweep} in a JVM of its own, for a test to kill with -9: the script's wiring, nothing more. */
@Command(name = "sweep")
public final class SweepChild implements Callable<Integer> {
    @Mixin
    SweepOptions sweepOptions;
    @Mixin
    DatasetOptions datasetOptions;

    public static void main(String... args) {
        System.exit(Cli.run(new SweepChild(), args));
    }

    @Override
    public Integer call() {
        return new SweepCommand(sweepOptions, datasetOptions, System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), false, true).run();
    }
}
