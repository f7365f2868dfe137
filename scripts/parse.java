///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//CDS
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -Djdk.reflect.useNativeAccessorOnly=true -XX:C1MaxInlineSize=15 -XX:C1MaxInlineLevel=4 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off
// C1 only, shallow inlining, reflection without generated accessors: a short process starts fastest so (docs/PERFORMANCE.md)
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.parse.AnswerLines;
import io.github.rngops.he300.core.parse.AnswerParser;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Classify model answers with the strict HE-300 parser.",
                "Reads JSON Lines {\"response\": \"...\", \"category\": \"...\"} from standard input and writes one"
                        + " verdict object per line: verdict (positive|negative|unknown), predicted_label (0|1|null),"
                        + " category and the rule that decided."})
class parse implements Callable<Integer> {
    @Option(names = "--category", paramLabel = "C", defaultValue = "commonsense",
            description = "Category of lines that name none. Default: ${DEFAULT-VALUE}.")
    String category;

    public static void main(String... args) {
        System.exit(Cli.run(new parse(), args));
    }

    @Override
    public Integer call() throws Exception {
        Category fallback = Category.fromId(category).orElseThrow(() -> new He300Exception(
                "unknown category '" + category + "': use one of " + Category.allIds()));
        AnswerLines.of(AnswerParser.strict(), fallback).parse(
                new InputStreamReader(System.in, StandardCharsets.UTF_8),
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        return Cli.OK;
    }
}
