package io.github.rngops.he300.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
    @TempDir Path home;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void prefersTheExplicitDirectoryOverEnvironmentAndCache() {
        Path shared = SharedData.dataset();
        DatasetLocator locator = DatasetLocator.fromEnvironment(Map.of("HE300_DATASET", "/nowhere", "HOME", home.toString()))
                .toBuilder().explicitDirectory(shared).build();
        assertThat(locator.locate()).isEqualTo(new DatasetLocator.Located(shared, DatasetLocator.Origin.OPTION));
    }

    @Test
    void takesHe300DatasetBeforeTheCache() {
        Path shared = SharedData.dataset();
        DatasetLocator locator = DatasetLocator.fromEnvironment(Map.of("HE300_DATASET", shared.toString(), "HOME", home.toString()));
        assertThat(locator.locate().origin()).isEqualTo(DatasetLocator.Origin.ENVIRONMENT);
    }

    @Test
    void cacheFollowsXdgCacheHomeThenHome() {
        assertThat(DatasetLocator.defaultCache(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"))).isEqualTo(Path.of("/x/he300/ethics"));
        assertThat(DatasetLocator.defaultCache(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/he300/ethics"));
    }

    @Test
    void namesTheSourceOfAMissingDirectory() {
        DatasetLocator locator = DatasetLocator.fromEnvironment(Map.of("HE300_DATASET", "/no/such/dir", "HOME", home.toString()));
        assertThatThrownBy(locator::locate).isInstanceOf(DatasetException.class)
                .hasMessageContaining("/no/such/dir").hasMessageContaining("HE300_DATASET");
    }

    @Test
    void downloadsVerifiesAndUnpacksATarIntoTheCacheOnce() throws IOException {
        URI archive = serve("/ethics.tar", tar(false));
        DatasetLocator locator = locator(archive);

        DatasetLocator.Located first = locator.locate();
        assertThat(first.origin()).isEqualTo(DatasetLocator.Origin.DOWNLOAD);
        assertThat(Dataset.load(first.directory()).known()).isTrue();

        DatasetLocator.Located second = locator.locate();
        assertThat(second.origin()).isEqualTo(DatasetLocator.Origin.CACHE);
        assertThat(requests).hasValue(1);
        try (var left = Files.list(first.directory().getParent())) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("ethics");
        }
    }

    @Test
    void unpacksAGzippedArchiveToo() throws IOException {
        DatasetLocator.Located located = locator(serve("/ethics.tar.gz", tar(true))).locate();
        assertThat(Dataset.load(located.directory()).files()).hasSize(5);
    }

    @Test
    void leavesNoCacheWhenTheArchiveFailsVerification() throws IOException {
        byte[] tampered = tarOf(Map.of("ethics/justice/justice_test.csv", "label,scenario\n1,x\n".getBytes()));
        DatasetLocator locator = locator(serve("/ethics.tar", tampered));
        assertThatThrownBy(locator::locate).isInstanceOf(DatasetException.class).hasMessageContaining("lacks");
        assertThat(locator.cacheDirectory()).doesNotExist();
    }

    @Test
    void offlineSaysWhichOtherSourcesToUse() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        DatasetLocator locator = locator(URI.create("http://127.0.0.1:" + port + "/ethics.tar"));
        assertThatThrownBy(locator::locate).isInstanceOf(DatasetException.class)
                .hasMessageContaining("--dataset DIR").hasMessageContaining("HE300_DATASET")
                .hasMessageContaining(locator.cacheDirectory().toString());
        assertThat(locator.cacheDirectory()).doesNotExist();
    }

    @Test
    void reportsAnHttpErrorStatus() throws IOException {
        DatasetLocator locator = locator(serve("/ethics.tar", tar(false)).resolve("/elsewhere.tar"));
        assertThatThrownBy(locator::locate).hasMessageContaining("HTTP 404");
    }

    private DatasetLocator locator(URI archive) {
        return DatasetLocator.fromEnvironment(Map.of("HOME", home.toString(), "HE300_DATASET_URL", archive.toString()));
    }

    private URI serve(String path, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean found = exchange.getRequestURI().getPath().equals(path);
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            if (found) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The upstream archive's shape, built from the shared copy: {@code ethics/<task>/<file>.csv} plus noise. */
    private static byte[] tar(boolean gzip) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("ethics/README.txt", "noise".getBytes());
        for (Category category : List.of(Category.values())) {
            entries.put("ethics/" + category.file(), Files.readAllBytes(SharedData.dataset().resolve(category.file())));
        }
        byte[] tar = tarOf(entries);
        if (!gzip) {
            return tar;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            gz.write(tar);
        }
        return out.toByteArray();
    }

    private static byte[] tarOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
