package io.github.rngops.he300.net.https;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.net.RealTools;
import io.github.rngops.he300.net.firewall.Allowlist;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ACME server on loopback: Debian's pebble (validation skipped with PEBBLE_VA_ALWAYS_VALID, its HTTPS
 * certificate made here with keytool) and certbot issuing a certificate for a made-up domain into temporary
 * directories; then nginx checks the proxy config that serves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertbotPebbleIT {
    private static final String DOMAIN = "gpu-host.example.com";

    private final LocalRunner local = LocalRunner.builder().defaultTimeout(Duration.ofSeconds(60)).build();
    private Path dir;
    private Process pebble;
    private Certbot certbot;

    @BeforeAll
    void startPebble(@TempDir Path tempDir) throws Exception {
        RealTools.require("pebble", "certbot");
        dir = tempDir;
        Path pebbleCert = dir.resolve("pebble-cert.pem");
        Path pebbleKey = dir.resolve("pebble-key.pem");
        selfSignedLocalhost(pebbleCert, pebbleKey);
        int acmePort = freePort();
        Path config = dir.resolve("pebble-config.json");
        Files.writeString(config, """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(acmePort, freePort(), pebbleCert, pebbleKey, freePort(), freePort()));
        ProcessBuilder builder = new ProcessBuilder(RealTools.which("pebble").toString(), "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().put("PEBBLE_VA_ALWAYS_VALID", "1");
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");   // no random badNonce: a deterministic test
        pebble = builder.start();
        awaitListening(acmePort);

        int challengePort = freePort();
        certbot = Certbot.builder().domain(DOMAIN).email("ops@example.com")
                .server(URI.create("https://127.0.0.1:" + acmePort + "/dir")).caBundle(pebbleCert)
                .httpPort(challengePort).httpAddress("127.0.0.1")
                .configDir(dir.resolve("letsencrypt")).workDir(dir.resolve("work")).logsDir(dir.resolve("logs"))
                .deployHook(hook()).sudo(false).timeout(Duration.ofSeconds(90)).build();
    }

    private Path hook() throws Exception {
        Path hook = dir.resolve("hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$RENEWED_DOMAINS\" > \"" + dir.resolve("hook-ran") + "\"\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        return hook;
    }

    @Test
    @Order(1)
    void certbotGetsACertificateFromTheAcmeServer() throws Exception {
        CommandResult result = local.run(certbot.issueCommand());

        assertThat(result.exitCode()).as("certbot: %s%n%s", result.stderr(),
                Files.exists(dir.resolve("pebble.log")) ? Files.readString(dir.resolve("pebble.log")) : "").isZero();
        assertThat(certbot.fullchain()).exists();
        assertThat(certbot.privkey()).exists();
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(certbot.fullchain())) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            assertThat(chain).isNotEmpty();
            leaf = (X509Certificate) chain.iterator().next();
        }
        assertThat(leaf.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo(DOMAIN));
        leaf.checkValidity();
        assertThat(Files.readString(dir.resolve("hook-ran")).strip()).isEqualTo(DOMAIN);
    }

    @Test
    @Order(2)
    void aSecondRunKeepsTheCertificate() {
        CommandResult again = local.runChecked(certbot.issueCommand());

        assertThat(again.stdout() + again.stderr()).containsIgnoringCase("not yet due for renewal");
    }

    @Test
    @Order(3)
    void nginxAcceptsTheProxyConfigWithTheIssuedCertificate() throws Exception {
        RealTools.require("nginx");
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        NginxProxy proxy = NginxProxy.builder().serverName(DOMAIN).certificate(certbot)
                .allowlist(Allowlist.of("203.0.113.0/24", "2001:db8::/32")).listenPort(freePort()).build();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, proxy.standalone(prefix));

        CommandResult test = local.run(Command.of("nginx", "-t", "-p", prefix + "/", "-e", prefix + "/error.log",
                "-c", conf.toString()));

        assertThat(test.exitCode()).as(test.stderr()).isZero();
        assertThat(test.stderr()).contains("syntax is ok", "test is successful");
    }

    @AfterAll
    void stopPebble() throws Exception {
        if (pebble != null) {
            pebble.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A self-signed certificate for localhost and 127.0.0.1, made by keytool, written as PEM for pebble. */
    private void selfSignedLocalhost(Path certPem, Path keyPem) throws Exception {
        Path store = dir.resolve("pebble.p12");
        local.runChecked(Command.builder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString())
                .args("-genkeypair", "-alias", "pebble", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                        "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype",
                        "PKCS12", "-keystore", store.toString(), "-storepass", "he300-test", "-keypass", "he300-test")
                .build());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "he300-test".toCharArray());
        }
        PrivateKey key = (PrivateKey) keyStore.getKey("pebble", "he300-test".toCharArray());
        Files.writeString(certPem, pem("CERTIFICATE", keyStore.getCertificate("pebble").getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!pebble.isAlive()) {
                throw new AssertionError("pebble exited: " + Files.readString(dir.resolve("pebble.log")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(socket.isConnected()).isTrue();
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("pebble did not listen on " + port + ": " + Files.readString(dir.resolve("pebble.log")));
    }
}
