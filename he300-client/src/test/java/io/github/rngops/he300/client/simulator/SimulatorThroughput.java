package io.github.rngops.he300.client.simulator;

import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a quick loop that measures the simulator's requests per second at zero latency, non-streamed
 * {@code /api/generate} over the v1.0 sample, with 1, 8 and 64 concurrent {@link HttpClient} clients.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; io.github.rngops.he300.client.simulator.SimulatorThroughput ../shared/data/ethics [seconds]
 * </pre>
 */
public final class SimulatorThroughput {

    private SimulatorThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Scenario> sample = Sampler.draw(SampleSpec.ofDefaults(), Dataset.load(Path.of(args[0]))).scenarios();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 3;
        SimulatorSettings settings = SimulatorSettings.of(sample).toBuilder().parallel(64).build();
        try (Simulator sim = Simulator.start(settings)) {
            List<byte[]> bodies = new ArrayList<>();
            for (Scenario scenario : sample) {
                bodies.add(Http.generate(SimulatorSettings.DEFAULT_MODEL, scenario).toString().getBytes());
            }
            URI uri = sim.baseUri().resolve("api/generate");
            run(uri, bodies, 8, 2);
            for (int clients : new int[] {1, 8, 64}) {
                double perSecond = run(uri, bodies, clients, seconds);
                System.out.printf("%2d clients: %,8.0f requests/s%n", clients, perSecond);
            }
        }
    }

    private static double run(URI uri, List<byte[]> bodies, int clients, long seconds) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size()))).build();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        clientThreads.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
