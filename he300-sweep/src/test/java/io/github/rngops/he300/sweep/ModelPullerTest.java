package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.client.target.TargetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pull that stalls is called again (Ollama resumes it); one that stalls every time gives up after three. */
class ModelPullerTest {

    HttpServer server;
    final AtomicInteger pulls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    volatile int stallingPulls;
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final SweepListener listener = new SweepListener() {
        @Override
        public void pulling(Host host, String model, String status, OptionalDouble fraction) {
            statuses.add(status);
        }
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/show", exchange -> respond(exchange, 404, "{\"error\":\"model 'm' not found\"}"));
        server.createContext("/api/pull", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                line(out, "{\"status\":\"pulling manifest\"}");
                if (pulls.incrementAndGet() <= stallingPulls) {
                    release.await(10, TimeUnit.SECONDS);          // silence: the client's watchdog fires
                    return;
                }
                line(out, "{\"status\":\"pulling abc\",\"total\":100,\"completed\":100}");
                line(out, "{\"status\":\"success\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client hung up on a stalled pull
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aStalledPullIsCalledAgainAndCompletes() {
        stallingPulls = 1;
        boolean pulled = ModelPuller.ensure(Host.of("h", TargetKind.OLLAMA, url()), url(), Credentials.none(), "m",
                true, listener, Duration.ofMillis(300));

        assertThat(pulled).isTrue();
        assertThat(pulls).hasValue(2);
        assertThat(statuses).contains("stalled; pulling again to resume (attempt 2 of 3)").endsWith("success");
    }

    @Test
    void aPullThatAlwaysStallsGivesUpAfterThreeAttempts() {
        stallingPulls = Integer.MAX_VALUE;
        assertThatThrownBy(() -> ModelPuller.ensure(Host.of("h", TargetKind.OLLAMA, url()), url(), Credentials.none(),
                "m", true, listener, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.kind())
                        .isEqualTo(ClientException.Kind.STALLED));
        assertThat(pulls).hasValue(ModelPuller.ATTEMPTS);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
