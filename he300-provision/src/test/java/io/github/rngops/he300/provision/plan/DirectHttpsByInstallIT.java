package io.github.rngops.he300.provision.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.LocalRunner;
import io.github.rngops.he300.net.Namespaces;
import io.github.rngops.he300.net.RealTools;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.ModelRegistry;
import io.github.rngops.he300.provision.facts.HostFacts;
import io.github.rngops.he300.provision.facts.HostFactsProbe;
import io.github.rngops.he300.provision.plan.PlanRunner.Mode;
import io.github.rngops.he300.provision.plan.StepResult.Status;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct mode with https set up by the install plan's network step, for real: the "GPU host" is a network
 * namespace (its commands through {@code ip netns exec}, files under a temporary root), with Debian's pebble on its
 * 127.0.0.1 as the ACME server ({@code network.direct.acme_server}/{@code acme_ca_bundle}; validation skipped with
 * PEBBLE_VA_ALWAYS_VALID, as in he300-net's CertbotPebbleIT). The step installs the deploy hook, has certbot issue
 * the certificate (certbot binds the namespace's port 80), writes the nginx site, checks it with {@code nginx -t}
 * and starts nginx on the namespace's 443; the certificate is pebble's for the domain, nginx serves it, and a second
 * run is {@code ok}. Direct https has no DOCKER-USER step (the services stay on 127.0.0.1 behind nginx's allow/deny).
 */
class DirectHttpsByInstallIT {
    private static final String DOMAIN = "gpu-host.example.com";

    @TempDir
    Path dir;

    @Test
    void theNetworkStepGetsACertificateFromPebbleAndPutsNginxInFront() throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "pebble", "certbot", "nginx", "curl");
        try (Namespaces namespaces = new Namespaces()) {
            String hostNs = namespaces.create("d");
            CommandRunner onHost = namespaces.runner(hostNs);
            Path root = Files.createDirectories(dir.resolve("host-root"));
            Path pebbleCert = dir.resolve("pebble-cert.pem");
            startPebble(hostNs, pebbleCert);
            nginxConf(root);

            InstallConfig config = io.github.rngops.he300.provision.config.Fixtures.parse("target:\n  host: 127.0.0.1\n"
                    + "network:\n  mode: direct\n  direct:\n    domain: " + DOMAIN + "\n    email: ops@example.com\n"
                    + "    acme_server: https://127.0.0.1:14000/dir\n    acme_ca_bundle: " + pebbleCert + "\n"
                    + "security:\n  allowed_ips:\n    - 203.0.113.0/24\n");
            HostFacts facts = HostFactsProbe.gather(onHost);
            InstallConfig resolved = config.withProfile(ModelRegistry.ofDefaults().cpuProfile());

            StringBuilder first = new StringBuilder();
            Recap one = network(onHost, facts, resolved, root, first);
            assertThat(one.results()).as(() -> first + pebbleLog()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.CHANGED));

            Path fullchain = root.resolve("etc/letsencrypt/live/" + DOMAIN + "/fullchain.pem");
            assertThat(fullchain).exists();
            assertThat(root.resolve("etc/letsencrypt/live/" + DOMAIN + "/privkey.pem")).exists();
            X509Certificate leaf;
            try (InputStream in = Files.newInputStream(fullchain)) {
                Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                        .generateCertificates(in);
                leaf = (X509Certificate) chain.iterator().next();
            }
            assertThat(leaf.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo(DOMAIN));
            assertThat(leaf.getIssuerX500Principal().getName()).containsIgnoringCase("pebble");
            leaf.checkValidity();
            assertThat(root.resolve("etc/letsencrypt/renewal-hooks/deploy/he300-reload-nginx.sh")).isExecutable();

            Path site = root.resolve("etc/nginx/sites-available/he300");
            assertThat(Files.readString(site)).contains("server_name " + DOMAIN, fullchain.toString(),
                    "allow 203.0.113.0/24", "deny all");
            assertThat(Files.readSymbolicLink(root.resolve("etc/nginx/sites-enabled/he300"))).isEqualTo(site);
            CommandResult test = onHost.run(Command.of("nginx", "-t", "-c", root.resolve("etc/nginx/nginx.conf")
                    .toString()));
            assertThat(test.exitCode()).as(test.stderr()).isZero();
            assertThat(test.stderr()).contains("syntax is ok", "test is successful");

            // nginx, started by the step, serves pebble's certificate for the domain on the namespace's 443
            CommandResult served = onHost.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                    "--max-time", "10", "-k", "--resolve", DOMAIN + ":443:127.0.0.1", "https://" + DOMAIN + "/"));
            assertThat(served.exitCode()).as(served.stderr()).isZero();

            byte[] issued = Files.readAllBytes(fullchain);
            StringBuilder second = new StringBuilder();
            Recap two = network(onHost, facts, resolved, root, second);
            assertThat(two.results()).as(second::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.OK));
            assertThat(Files.readAllBytes(fullchain)).as("the certificate is kept, not issued again")
                    .isEqualTo(issued);
        }
    }

    private Process pebble;

    private void startPebble(String namespace, Path pebbleCert) throws Exception {
        Path pebbleKey = dir.resolve("pebble-key.pem");
        selfSignedLocalhost(pebbleCert, pebbleKey);
        Path config = dir.resolve("pebble-config.json");
        Files.writeString(config, """
                {"pebble": {"listenAddress": "127.0.0.1:14000", "managementListenAddress": "127.0.0.1:15000",
                  "certificate": "%s", "privateKey": "%s", "httpPort": 5002, "tlsPort": 5001,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(pebbleCert, pebbleKey));
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", namespace,
                RealTools.which("pebble").toString(), "-config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().put("PEBBLE_VA_ALWAYS_VALID", "1");
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pebble = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!pebble.isAlive()) {
                throw new AssertionError("pebble exited: " + pebbleLog());
            }
            if (pebbleLog().contains("Listening on: 127.0.0.1:14000")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pebble did not listen: " + pebbleLog());
    }

    private String pebbleLog() {
        try {
            return Files.readString(dir.resolve("pebble.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The host's nginx.conf under the root: its pid file, logs and the he300 site from sites-enabled. */
    private static void nginxConf(Path root) throws Exception {
        Path etc = Files.createDirectories(root.resolve("etc/nginx"));
        Path logs = Files.createDirectories(root.resolve("var/log/nginx"));
        Files.createDirectories(root.resolve("run"));
        Files.writeString(etc.resolve("nginx.conf"), """
                pid %s;
                error_log %s/error.log;
                events { worker_connections 64; }
                http {
                    access_log %s/access.log;
                    include %s/*;
                }
                """.formatted(root.resolve("run/nginx.pid"), logs, logs, etc.resolve("sites-enabled")));
    }

    private static Recap network(CommandRunner runner, HostFacts facts, InstallConfig config, Path root,
            StringBuilder out) {
        Host host = Host.builder(runner, facts, config).root(root.toString()).build();
        Plan plan = new Plan(List.of(Plan.install().step(NetworkStep.NAME).orElseThrow()));
        Recap recap = PlanRunner.create(line -> out.append(line).append('\n')).run(plan, host, Mode.APPLY);
        out.append(recap.table());
        PlanRunner.report(recap).ifPresent(out::append);
        return recap;
    }

    /** A self-signed certificate for localhost and 127.0.0.1, made by keytool, written as PEM for pebble. */
    private void selfSignedLocalhost(Path certPem, Path keyPem) throws Exception {
        Path store = dir.resolve("pebble.p12");
        LocalRunner.builder().defaultTimeout(Duration.ofSeconds(60)).build().runChecked(Command.builder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString())
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
}
