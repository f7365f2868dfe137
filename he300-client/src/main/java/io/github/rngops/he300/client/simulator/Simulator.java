package io.github.rngops.he300.client.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * A fake LLM server on loopback that speaks the Ollama API and OpenAI's chat completions, answering HE-300 prompts
 * from a ground truth with a chosen accuracy. It is the fixture for client tests, the opponent for benchmarks and
 * the default for a first run; everything it serves says "simulator" (the version, every model's family).
 *
 * <pre>{@code
 * Sample sample = Sampler.draw(SampleSpec.ofDefaults(), Dataset.load(dir));
 * try (Simulator sim = Simulator.start(SimulatorSettings.of(sample.scenarios()))) {
 *     URI ollama = sim.baseUri();                 // http://127.0.0.1:<port>/
 *     // ... run the benchmark against it ...
 *     sim.log().entries();                        // every request, with its matched scenario and outcome
 * }
 * }</pre>
 *
 * <p>What it serves ({@code /api/generate}, {@code /api/chat} and {@code /v1/chat/completions} are the generation
 * endpoints; everything else answers at once):
 * <ul>
 *   <li>{@code GET /}, {@code GET /api/version}, {@code GET /api/tags}, {@code POST /api/show}, {@code GET /api/ps},
 *       {@code POST /api/pull} (an NDJSON progress stream);
 *   <li>{@code POST /api/generate}, {@code POST /api/chat}: streamed as NDJSON unless {@code "stream": false};
 *       options only from {@code "options"};
 *   <li>{@code POST /v1/chat/completions} (server-sent events with {@code "stream": true}), {@code GET /v1/models}.
 * </ul>
 * How answers, latency, slots and faults behave: see {@link SimulatorSettings}, {@link Fault} and the package
 * documentation.
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver} on a cached pool of daemon threads (one per request in
 * flight, so it is never the bottleneck), with {@code TCP_NODELAY} on its sockets: the system property
 * {@code sun.net.httpserver.nodelay} is set to {@code true} unless already set. The JDK reads it once, so in a JVM
 * that started another {@code com.sun.net.httpserver} server before the first simulator, pass
 * {@code -Dsun.net.httpserver.nodelay=true} yourself. Measured on two busy cores, zero latency, non-streamed
 * {@code /api/generate}: about 700-1,500 requests/s with one client, 3,000 with 8, 6,000 with 64.
 */
public final class Simulator implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        // Without TCP_NODELAY the JDK server writes headers and body in two segments and waits out the client's
        // delayed ACK: about 22 requests per second per connection instead of over a thousand. The property is read
        // once, when the JDK's server first starts in this JVM.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        } else if (!Boolean.getBoolean(NODELAY)) {
            LoggerFactory.getLogger(Simulator.class).warn("{}={}: the simulator will answer about 22 requests per"
                    + " second per connection (Nagle and delayed ACK)", NODELAY, System.getProperty(NODELAY));
        }
    }

    private final SimulatorSettings settings;
    private final RequestLog log;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private Simulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.log = new RequestLog(settings.logCapacity());
        this.executor = Executors.newCachedThreadPool(new Threads());
        this.server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), BACKLOG);
        server.createContext("/", new Router(settings, log));
        server.setExecutor(executor);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        this.baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort()
                + "/");
    }

    /**
     * Starts a simulator, listening and ready when this returns. Close it to stop it and free the port.
     *
     * @param settings the ground truth, models, latency, faults and port; not null
     * @return the running simulator, with {@link #baseUri()} to point clients at
     * @throws UncheckedIOException if the address cannot be bound (the port is taken, say)
     */
    public static Simulator start(SimulatorSettings settings) {
        try {
            return new Simulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator on " + settings.bindAddress().getHostAddress()
                    + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the Ollama base URL, {@code http://127.0.0.1:<port>/}; the OpenAI one is {@code baseUri().resolve("v1/")}}
     */
    public URI baseUri() {
        return baseUri;
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@return the settings it was started with} */
    public SimulatorSettings settings() {

        return settings;
    }

    /** {@return what it has served so far} */
    public RequestLog log() {
        return log;
    }

    /** Stops listening, drops open connections and interrupts requests in progress. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + baseUri + ", " + settings.models().size() + " model(s), " + settings.groundTruth().size()
                + " scenarios, seed " + settings.seed() + "]";
    }

    /** Daemon threads named for the simulator, so a forgotten one never keeps a JVM alive. */
    private static final class Threads implements ThreadFactory {
        private static final AtomicInteger SIMULATORS = new AtomicInteger();
        private final int simulator = SIMULATORS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "he300-simulator-" + simulator + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
