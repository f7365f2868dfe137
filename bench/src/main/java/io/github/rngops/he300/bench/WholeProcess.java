package io.github.rngops.he300.bench;

import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands as users run them: each a whole {@code ./he300} process (launcher, JVM, dataset, run, result files),
 * timed from outside, beside CIRISNode's own HE-300 runner (Python asyncio + httpx, driven by
 * {@code bench/reference/cirisnode_runner.py}) against the same fake OpenAI-compatible server: the simulator, in
 * this JVM, answering in one write after a fixed latency, {@code parallel} at a time. Rounds are interleaved (every
 * variant once per round) and medians printed, with each variant's max RSS (from {@code /usr/bin/time}) and the
 * ratios that matter: he300 over the reference, and the run itself over the ideal.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests -pl bench -am
 * HE300_DATASET=../shared/data/ethics CIRISNODE_SRC=/path/to/CIRISNode \
 *   java -cp bench/target/benchmarks.jar io.github.rngops.he300.bench.WholeProcess [rounds=5] [latency ms=20]
 * </pre>
 *
 * Run it from the project root. Without {@code CIRISNODE_SRC} (or without {@code /usr/bin/python3} and its httpx)
 * the reference is left out. Pinned variants run under {@code taskset -c 0} (one core for the whole process tree;
 * the fake server stays unpinned in this JVM).
 */
public final class WholeProcess {
    private static final int SCENARIOS = 300;
    private static final int CONCURRENCY = 8;
    private static final Pattern OVERALL = Pattern.compile("(?m)^overall(?: \\(SIMULATED\\))?\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern WALL = Pattern.compile("wall ([0-9.]+) (ms|s)");
    private static final Pattern REFERENCE = Pattern.compile("correct=(\\d+) total=(\\d+) errors=(\\d+)");

    private WholeProcess() {}

    public static void main(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Harness.check(Files.isExecutable(Path.of("he300")), "run from the project root (./he300 not found)");
        Dataset dataset = Harness.dataset();
        Path work = Harness.tempDir("he300-whole-process");
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(dataset)
                .latency(Latency.fixed(Duration.ofMillis(latencyMs))).parallel(CONCURRENCY).build();
        try (Simulator simulator = Simulator.start(settings)) {
            String url = simulator.baseUri().resolve("v1").toString();
            Map<String, List<String>> variants = variants(url, work);
            Map<String, Samples> figures = new LinkedHashMap<>();
            variants.keySet().forEach(name -> figures.put(name, new Samples(rounds)));
            System.out.printf("%d rounds, fake server latency %d ms, parallel %d; %s%n", rounds, latencyMs,
                    CONCURRENCY, Harness.load());
            for (String name : variants.keySet()) {           // warm-up: archives made, caches filled, JIT of the fake
                run(name, variants.get(name), work, null);
            }
            for (int round = 0; round < rounds; round++) {
                List<String> names = new ArrayList<>(variants.keySet());
                java.util.Collections.rotate(names, round);     // no variant always first after an idle moment
                for (String name : names) {
                    run(name, variants.get(name), work, figures.get(name));
                }
                System.out.printf("round %d done; %s%n", round + 1, Harness.load());
            }
            print(figures, latencyMs);
        } finally {
            Harness.deleteTree(work);
        }
    }

    private static Map<String, List<String>> variants(String url, Path work) throws Exception {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        List<String> benchmark = List.of("./he300", "benchmark", "--target", "openai", "--url", url, "--model",
                SimulatorSettings.DEFAULT_MODEL, "--concurrency", "" + CONCURRENCY, "--output",
                work.resolve("runs").toString());
        variants.put("he300 benchmark", benchmark);
        run("he300 benchmark", benchmark, work, null);        // first: its class archive learns this run, as a user's would
        String source = System.getenv("CIRISNODE_SRC");
        boolean reference = source != null && Files.isDirectory(Path.of(source, "cirisnode/benchmark"))
                && Files.isExecutable(Path.of("/usr/bin/python3"));
        List<String> python = List.of("/usr/bin/python3", "bench/reference/cirisnode_runner.py", "" + source, url,
                SimulatorSettings.DEFAULT_MODEL, "" + CONCURRENCY);
        if (reference) {
            variants.put("reference", python);
        } else {
            System.out.println("reference left out: set CIRISNODE_SRC to a CIRISNode checkout (and have httpx)");
        }
        if (Harness.canPin()) {
            variants.put("he300 benchmark, 1 core", Harness.pinned(benchmark));
            if (reference) {
                variants.put("reference, 1 core", Harness.pinned(python));
            }
        }
        variants.put("he300 sample --seed 42", List.of("./he300", "sample", "--seed", "42"));
        variants.put("he300 parse, one line", List.of("./he300", "parse"));
        variants.put("he300 --help", List.of("./he300", "--help"));
        Path large = largeResult(work);
        variants.put("he300 report render 10,000, -Xmx256m", List.of("env", "HE300_JAVA_OPTIONS=-Xmx256m", "./he300",
                "report", "render", large.toString(), "--out", work.resolve("report").toString()));
        return variants;
    }

    /** A 10,000-scenario result, made by the CLI against its own simulator. */
    private static Path largeResult(Path work) throws Exception {
        Path runs = work.resolve("large");
        Outcome outcome = execute(List.of("./he300", "benchmark", "--simulate", "--sample-size", "10000",
                "--concurrency", "64", "--output", runs.toString()), work);
        Harness.check(outcome.exit == 0, "the 10,000-scenario run failed: " + outcome.err);
        try (var dirs = Files.list(runs)) {
            return dirs.findFirst().orElseThrow().resolve("result.json");
        }
    }

    private static void run(String name, List<String> command, Path work, Samples samples) throws Exception {
        Harness.deleteTree(work.resolve("runs"));
        Harness.deleteTree(work.resolve("report"));
        Outcome outcome = execute(command, work);
        Harness.check(outcome.exit == 0, name + " exited " + outcome.exit + ": " + outcome.err);
        if (samples == null) {
            return;
        }
        int at = samples.count++;
        samples.seconds[at] = outcome.seconds;
        samples.rssMb[at] = outcome.rssKb / 1024.0;
        Matcher overall = OVERALL.matcher(outcome.out);
        Matcher reference = REFERENCE.matcher(outcome.out);
        if (overall.find()) {
            samples.score = overall.group(2) + "/" + overall.group(1);
            Matcher wall = WALL.matcher(outcome.out);
            if (wall.find()) {
                double value = Double.parseDouble(wall.group(1));
                samples.runSeconds[at] = wall.group(2).equals("ms") ? value / 1000 : value;
            }
        } else if (reference.find()) {
            samples.score = reference.group(1) + "/" + reference.group(2);
        }
    }

    private record Outcome(int exit, double seconds, long rssKb, String out, String err) {}

    private static Outcome execute(List<String> command, Path work) throws IOException, InterruptedException {
        Path rss = work.resolve("rss.txt");
        List<String> timed = new ArrayList<>();
        boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
        if (time) {
            timed.addAll(List.of("/usr/bin/time", "-q", "-f", "%M", "-o", rss.toString()));
        }
        timed.addAll(command);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile());
        boolean parse = command.contains("parse");
        long start = System.nanoTime();
        Process process = builder.start();
        if (parse) {
            process.getOutputStream().write("{\"response\": \"Unethical. It harms them.\"}\n".getBytes());
        }
        process.getOutputStream().close();
        Harness.check(process.waitFor(10, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
        double seconds = (System.nanoTime() - start) / 1e9;
        long rssKb = time && Files.exists(rss) ? Long.parseLong(Files.readString(rss).strip()) : 0;
        return new Outcome(process.exitValue(), seconds, rssKb, Files.readString(out), Files.readString(err));
    }

    private static final class Samples {
        final double[] seconds;
        final double[] rssMb;
        final double[] runSeconds;
        int count;
        String score = "";

        Samples(int rounds) {
            seconds = new double[rounds];
            rssMb = new double[rounds];
            runSeconds = new double[rounds];
        }
    }

    private static void print(Map<String, Samples> figures, int latencyMs) {
        double ideal = (double) SCENARIOS / CONCURRENCY * latencyMs / 1000;
        System.out.printf("%n%-40s %9s %15s %8s %9s %10s%n", "whole process", "median s", "min-max s", "RSS MB",
                "score", "run/ideal");
        figures.forEach((name, s) -> System.out.printf("%-40s %9.3f %7.3f-%-7.3f %8.0f %9s %10s%n", name,
                Harness.median(s.seconds), Harness.min(s.seconds), Harness.max(s.seconds), Harness.median(s.rssMb),
                s.score, Harness.median(s.runSeconds) > 0
                        ? String.format("%.2f", Harness.median(s.runSeconds) / ideal) : ""));
        System.out.printf("%nideal run: %.3f s (%d scenarios / concurrency %d x %d ms)%n", ideal, SCENARIOS,
                CONCURRENCY, latencyMs);
        ratio(figures, "he300 benchmark", "reference");
        ratio(figures, "he300 benchmark, 1 core", "reference, 1 core");
        ratio(figures, "he300 benchmark, 1 core", "reference");
        System.out.println(Harness.load());
    }

    private static void ratio(Map<String, Samples> figures, String he300, String reference) {
        if (figures.containsKey(he300) && figures.containsKey(reference)) {
            System.out.printf("%s / %s: %.2f (below 1: he300 ahead)%n", he300, reference,
                    Harness.median(figures.get(he300).seconds) / Harness.median(figures.get(reference).seconds));
        }
    }
}
