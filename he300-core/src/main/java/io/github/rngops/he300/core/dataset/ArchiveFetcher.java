package io.github.rngops.he300.core.dataset;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches the dataset archive to a file. The one network access in he300-core, kept behind this interface so that
 * the protocol code stays free of HTTP and tests can point it anywhere.
 */
@FunctionalInterface
public interface ArchiveFetcher {

    /**
     * Writes the resource at {@code uri} to {@code target}, replacing what is there.
     *
     * @param uri the archive's http or https address
     * @param target the file to write; its directory exists
     * @throws IOException naming what failed (the address, the HTTP status, the connection)
     */
    void fetch(URI uri, Path target) throws IOException;

    /** {@return the JDK's HTTP client: redirects followed, TLS verified, 30 s to connect, 10 minutes in all} */
    static ArchiveFetcher ofJdk() {
        return (uri, target) -> {
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
            try {
                HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
        };
    }
}
