package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StreamTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestHttp test = new TestHttp();

    record Line(String status) {
    }

    private HttpTransport http() {
        return HttpTransport.builder().baseUrl(server.url("/").toString()).settings(test.settings().build()).build();
    }

    /** Writes some lines, then goes quiet for longer than the stall timeout. */
    static final class StallingBody implements MockResponseBody {
        private final String lines;

        StallingBody(String lines) {
            this.lines = lines;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(lines);
            sink.flush();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void handsOverEachLineAsItArrives() {
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"a\"}\n\n{\"status\":\"b\"}\n").build());
        List<Line> lines = new ArrayList<>();
        try (HttpTransport http = http()) {
            http.stream(ApiRequest.post("/api/pull", Map.of()), Line.class, Duration.ofSeconds(5), lines::add);
        }
        assertThat(lines).containsExactly(new Line("a"), new Line("b"));
    }

    @Test
    void endsWithTheServersErrorWhenALineCarriesOne() {
        server.enqueue(new MockResponse.Builder()
                .body("{\"status\":\"pulling manifest\"}\n{\"error\":\"pull model manifest: file does not exist\"}\n")
                .build());
        List<Line> lines = new ArrayList<>();
        try (HttpTransport http = http()) {
            ClientException e = catchThrowableOfType(ClientException.class, () -> http.stream(
                    ApiRequest.post("/api/pull", Map.of()), Line.class, Duration.ofSeconds(5), lines::add));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.PROTOCOL);
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.detail()).isEqualTo("pull model manifest: file does not exist");
            assertThat(e.getMessage()).isEqualTo("POST /api/pull → 200, then error in the stream after 1 lines: "
                    + "pull model manifest: file does not exist");
        }
        assertThat(lines).hasSize(1);
    }

    @Test
    void abortsAStalledStream() {
        server.enqueue(new MockResponse.Builder().body(new StallingBody("{\"status\":\"pulling abc\"}\n")).build());
        List<Line> lines = new ArrayList<>();
        long start = System.nanoTime();
        try (HttpTransport http = http()) {
            ClientException e = catchThrowableOfType(ClientException.class, () -> http.stream(
                    ApiRequest.post("/api/pull", Map.of()), Line.class, Duration.ofMillis(300), lines::add));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.STALLED);
            assertThat(e.getMessage()).isEqualTo("POST /api/pull → stream stalled: nothing for 300 ms after 1 lines; "
                    + "call again to resume");
        }
        assertThat(lines).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void retriesGettingTheStreamButNotTheStreamItself() {
        server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"success\"}\n").build());
        List<Line> lines = new ArrayList<>();
        try (HttpTransport http = http()) {
            http.stream(ApiRequest.post("/api/pull", Map.of()).withIdempotency(Idempotency.IDEMPOTENT), Line.class,
                    Duration.ofSeconds(5), lines::add);
        }
        assertThat(lines).containsExactly(new Line("success"));
        assertThat(test.waits).hasSize(1);
    }
}
