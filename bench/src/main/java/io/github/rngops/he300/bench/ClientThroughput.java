package io.github.rngops.he300.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.http.CircuitBreakerSettings;
import io.github.rngops.he300.client.http.HttpSettings;
import io.github.rngops.he300.client.http.RetrySettings;
import io.github.rngops.he300.client.ollama.GenerateRequest;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.ollama.Options;
import io.github.rngops.he300.client.simulator.Latency;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client + simulator at zero latency: requests per second at concurrency 1, 8 and 64, for a bare JDK HTTP client
 * (the floor), {@link OllamaClient} without retry and circuit breaker, and with both (the defaults), and what each
 * layer adds per request. Run: {@code HE300_DATASET=... java -cp bench/target/benchmarks.jar
 * io.github.rngops.he300.bench.ClientThroughput [seconds per round]}.
 */
public final class ClientThroughput {
    private interface Call {
        void run(String prompt) throws Exception;
    }

    public static void main(String... args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Sample sample = Sampler.draw(SampleSpec.ofDefaults(), Dataset.load(Path.of(System.getenv("HE300_DATASET"))));
        List<String> prompts = sample.scenarios().stream().map(s -> PromptSet.ciris().render(s).user()).toList();
        SimulatorSettings settings = SimulatorSettings.builder().groundTruth(sample.scenarios())
                .latency(Latency.none()).parallel(64).build();
        try (Simulator simulator = Simulator.start(settings);
                OllamaClient bare = client(simulator, RetrySettings.none(), CircuitBreakerSettings.disabled());
                OllamaClient decorated = client(simulator, RetrySettings.ofDefaults(),
                        CircuitBreakerSettings.ofDefaults())) {
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI generate = simulator.baseUri().resolve("api/generate");
            String model = SimulatorSettings.DEFAULT_MODEL;
            Options options = Options.builder().temperature(0.0).seed(42).numPredict(64).build();
            ObjectMapper json = new ObjectMapper();
            Map<String, String> bodies = new HashMap<>();
            for (String prompt : prompts) {
                bodies.put(prompt, json.writeValueAsString(Map.of("model", model, "stream", false, "prompt", prompt,
                        "options", Map.of("temperature", 0.0, "seed", 42, "num_predict", 64))));
            }
            Call floor = prompt -> jdk.send(HttpRequest.newBuilder(generate)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(prompt))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Call plain = prompt -> bare.generate(GenerateRequest.of(model, prompt).withOptions(options));
            Call full = prompt -> decorated.generate(GenerateRequest.of(model, prompt).withOptions(options));

            System.out.printf("%-12s %12s %12s %12s   %s%n", "concurrency", "jdk req/s", "client req/s",
                    "+retry+cb", "client/jdk  decorated/client");
            for (int concurrency : new int[] {1, 8, 64}) {
                measure(floor, prompts, concurrency, seconds / 3);     // warm-up
                measure(plain, prompts, concurrency, seconds / 3);
                measure(full, prompts, concurrency, seconds / 3);
                // Interleaved rounds, median of each: the machine's load drifts, the ratios should not.
                double[][] rounds = new double[3][ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    rounds[0][round] = measure(floor, prompts, concurrency, seconds);
                    rounds[1][round] = measure(plain, prompts, concurrency, seconds);
                    rounds[2][round] = measure(full, prompts, concurrency, seconds);
                }
                double a = Harness.median(rounds[0]);
                double b = Harness.median(rounds[1]);
                double c = Harness.median(rounds[2]);
                System.out.printf("%-12d %12.0f %12.0f %12.0f   %9.2f  %9.2f%n", concurrency, a, b, c, b / a, c / b);
                if (concurrency == 1) {
                    System.out.printf("  per request at concurrency 1: jdk %.0f µs, client %.0f µs, +retry+cb %.0f µs"
                            + " (client layer %+.0f µs, decorators %+.0f µs)%n",
                            1e6 / a, 1e6 / b, 1e6 / c, 1e6 / b - 1e6 / a, 1e6 / c - 1e6 / b);
                }
            }
        }
    }

    private static final int ROUNDS = 5;

    private static OllamaClient client(Simulator simulator, RetrySettings retry, CircuitBreakerSettings breaker) {
        return OllamaClient.builder().baseUrl(simulator.baseUri().toString())
                .settings(HttpSettings.builder().retry(retry).circuitBreaker(breaker).build()).build();
    }

    /** Requests per second that {@code concurrency} threads complete in {@code seconds}. */
    private static double measure(Call call, List<String> prompts, int concurrency, double seconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int offset = t;
            workers.add(threads.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i += concurrency) {
                    call.run(prompts.get(i % prompts.size()));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
