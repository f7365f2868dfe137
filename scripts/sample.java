///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true -XX:C1MaxInlineSize=15 -XX:C1MaxInlineLevel=4 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off
// C1 only, shallow inlining, reflection without generated accessors: a short process starts fastest so (docs/PERFORMANCE.md)
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.cli.DatasetOptions;
import io.github.rngops.he300.cli.SampleFormat;
import io.github.rngops.he300.cli.SampleOptions;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Print the HE-300 sample a seed picks: the same scenarios, in the same order, as the reference.")
class sample implements Callable<Integer> {
    @Mixin SampleOptions sampleOptions;
    @Mixin DatasetOptions datasetOptions;

    @Option(names = "--format", defaultValue = "tsv", paramLabel = "F",
            description = "tsv (ids, labels and input fingerprints) or json (full scenarios). Default: ${DEFAULT-VALUE}.")
    SampleFormat format;

    public static void main(String... args) {
        System.exit(Cli.run(new sample(), args));
    }

    @Override
    public Integer call() throws Exception {
        SampleSpec spec = sampleOptions.spec();
        Sample sample = datasetOptions.sample(spec, System.getenv());
        format.write(sample, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        return Cli.OK;
    }
}
