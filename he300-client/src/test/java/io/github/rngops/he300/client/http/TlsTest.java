package io.github.rngops.he300.client.http;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TlsTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final TestHttp test = new TestHttp();
    private Path caBundle;

    @BeforeEach
    void serveHttpsWithASelfSignedCa() throws IOException {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("he300 test CA").build();
        HeldCertificate host = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(host, ca.certificate()).build()
                .sslSocketFactory());
        caBundle = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        server.enqueue(new MockResponse.Builder().body("{\"status\":\"healthy\"}").build());
    }

    @Test
    void trustsASelfSignedHostWhenGivenItsCa() {
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().caBundle(caBundle).build()).build()) {
            assertThat(http.execute(ApiRequest.get("/health")).body()).contains("healthy");
        }
    }

    @Test
    void refusesASelfSignedHostWithoutItsCaAndDoesNotRetry() {
        try (HttpTransport http = HttpTransport.builder().baseUrl(server.url("/").toString())
                .settings(test.settings().build()).build()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> http.execute(ApiRequest.get("/health")));
            assertThat(e.kind()).isEqualTo(ClientException.Kind.TLS);
            assertThat(e.getMessage()).contains("caBundle");
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(test.waits).isEmpty();
    }

    @Test
    void refusesABundleWithoutCertificates() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        HttpSettings settings = test.settings().caBundle(empty).build();
        assertThatThrownBy(() -> HttpTransport.builder().baseUrl("https://127.0.0.1:1").settings(settings).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
        assertThatThrownBy(() -> HttpSettings.builder().caBundle(dir.resolve("missing.pem")))
                .hasMessageContaining("missing.pem");
    }
}
