///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true -XX:C1MaxInlineSize=15 -XX:C1MaxInlineLevel=4 -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR
// C1 only, shallow inlining, reflection without generated accessors: a short process starts fastest so (docs/PERFORMANCE.md)
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli

import io.github.rngops.he300.cli.Benchmark;
import io.github.rngops.he300.cli.BenchmarkOptions;
import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.cli.ProgressPrinter;
import io.github.rngops.he300.cli.SampleOptions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Run HE-300 against a target: Ollama, an OpenAI-compatible server, EthicsEngine, CIRISNode,"
                + " or the simulator (--simulate). Resumable (--resume DIR); Ctrl-C keeps every answer received.",
                "Credentials come from the environment (HE300_TOKEN, HE300_API_KEY, HE300_USERNAME/HE300_PASSWORD)"
                + " or --credentials-file, never from flags.",
                "Exit codes: 0 done, 1 run failed, incomplete or below --min-accuracy, 2 bad usage."})
class run_he300_benchmark implements Callable<Integer> {
    @Mixin SampleOptions sampleOptions;
    @Mixin DatasetOptions datasetOptions;
    @Mixin BenchmarkOptions benchmarkOptions;

    public static void main(String... args) {
        System.exit(Cli.run(new run_he300_benchmark(), args));
    }

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new Benchmark(sampleOptions, datasetOptions, benchmarkOptions, System.getenv(), out, err,
                ProgressPrinter.isTerminal(System.getenv()), true).run();
    }
}
