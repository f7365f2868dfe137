///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.cli.SimulatorOptions;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.core.Category;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = {"Serve a simulated LLM (the Ollama API and OpenAI's /v1/chat/completions) on this machine:"
                + " HE-300 answers from the dataset at the accuracy you choose, and the faults a real server shows.",
                "Prints the URL it listens on (the only line on standard output), then runs until Ctrl-C.",
                "Not a model: everything it serves says simulator. Exit code 2: bad usage, or the port is taken."})
class simulator implements Callable<Integer> {
    @Mixin SimulatorOptions simulatorOptions;
    @Mixin DatasetOptions datasetOptions;

    public static void main(String... args) {
        System.exit(Cli.run(new simulator(), args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Simulator simulator = Simulator.start(simulatorOptions.settings(
                () -> datasetOptions.load(EnumSet.allOf(Category.class), System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "he300-simulator-shutdown"));
        System.out.println(simulator.baseUri());
        System.out.flush();
        System.err.println(SimulatorOptions.describe(simulator));
        new CountDownLatch(1).await();
        return Cli.OK;
    }
}
