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
 * run is {@code ok}.
 *
 * <p>The firewall, for real, over veth pairs: a client namespace in {@code security.allowed_ips} reaches 443, one
 * outside it gets no answer at all (dropped in {@code INPUT}, not nginx's 403), and the host's own loopback still
 * reaches nginx, which answers 403 to a source outside the allowlist (the second layer). A "container" namespace
 * behind the host with Docker's kind of DNAT for a published port 8000 (and {@code FORWARD} jumping to
 * {@code DOCKER-USER}) shows the DOCKER-USER rules: the DNATed connection from outside is dropped, a direct one to the
 * container's own address (what containers calling each other on the bridge do) passes.
 *
 * <p>The deploy hook, for real: it ran at the first issuance while nginx was not running yet and said so without
 * failing; a forced {@code certbot renew} runs it again, it reloads the step's nginx (by its pid file and
 * {@code -c} config), and nginx then serves the renewed certificate.
 */
class DirectHttpsByInstallIT {
    private static final String DOMAIN = "gpu-host.example.com";

    @TempDir
    Path dir;

    @Test
    void theNetworkStepGetsACertificateFromPebbleAndPutsNginxInFront() throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "pebble", "certbot", "nginx", "curl");
        try (Namespaces namespaces = new Namespaces(); Namespaces allowedSide = new Namespaces();
                Namespaces deniedSide = new Namespaces(); Namespaces containerSide = new Namespaces()) {
            String hostNs = namespaces.create("d");
            CommandRunner onHost = namespaces.runner(hostNs);
            String allowedNs = allowedSide.create("a");
            allowedSide.link(hostNs, "10.77.1.1/24", allowedNs, "10.77.1.2/24");
            String deniedNs = deniedSide.create("x");
            deniedSide.link(hostNs, "10.77.2.1/24", deniedNs, "10.77.2.2/24");
            Path root = Files.createDirectories(dir.resolve("host-root"));
            Path pebbleCert = dir.resolve("pebble-cert.pem");
            startPebble(hostNs, pebbleCert);
            nginxConf(root);

            InstallConfig config = io.github.rngops.he300.provision.config.Fixtures.parse("target:\n  host: 127.0.0.1\n"
                    + "network:\n  mode: direct\n  direct:\n    domain: " + DOMAIN + "\n    email: ops@example.com\n"
                    + "    acme_server: https://127.0.0.1:14000/dir\n    acme_ca_bundle: " + pebbleCert + "\n"
                    + "security:\n  allowed_ips:\n    - 203.0.113.0/24\n    - 10.77.1.0/24\n");
            HostFacts facts = HostFactsProbe.gather(onHost);
            InstallConfig resolved = config.withProfile(ModelRegistry.ofDefaults().cpuProfile());

            StringBuilder first = new StringBuilder();
            Recap one = network(onHost, facts, resolved, root, first);
            assertThat(one.results()).as(() -> first + pebbleLog()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.CHANGED));

            // the same rules at boot: the script the step wrote, run on the host now, finds every rule in place
            Path boot = root.resolve("usr/local/sbin/he300-firewall");
            assertThat(boot).content().contains("'-I' 'HE300-INPUT' '3' '-s' '203.0.113.0/24'", "'HE300-ALLOW'");
            assertThat(Files.isSymbolicLink(root.resolve(
                    "etc/systemd/system/multi-user.target.wants/he300-firewall.service")))
                    .as("enabled in the file root (a link to the unit's path on the host)").isTrue();
            String rules = onHost.runChecked(Command.of("iptables", "-S")).stdout();
            onHost.runChecked(Command.of("sh", boot.toString()));
            assertThat(onHost.runChecked(Command.of("iptables", "-S")).stdout()).isEqualTo(rules);

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
            assertThat(served.stdout()).as("127.0.0.1 passes the packet filter; nginx's allow/deny says no")
                    .isEqualTo("403");

            // the packet filter: the allowed network reaches 443, the other gets no answer at all
            CommandResult allowed = https(namespaces.runner(allowedNs), "10.77.1.1");
            assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
            assertThat(allowed.stdout()).as("nginx answers the allowed client (nothing behind it: 502)")
                    .isEqualTo("502");
            CommandResult denied = https(namespaces.runner(deniedNs), "10.77.2.1");
            assertThat(denied.exitCode()).as("dropped, so curl times out connecting: " + denied.stderr())
                    .isEqualTo(28);
            assertThat(denied.stdout()).isEqualTo("000");
            assertThat(onHost.runChecked(Command.of("iptables", "-S", "INPUT")).stdout())
                    .startsWith("-P INPUT ACCEPT\n-A INPUT -j HE300-INPUT");
            assertThat(onHost.runChecked(Command.of("ip6tables", "-S", "HE300-INPUT")).stdout())
                    .contains("-A HE300-INPUT -p tcp -m tcp --dport 443 -j DROP").doesNotContain("10.77.1.0/24");
            assertThat(onHost.runChecked(Command.of("iptables", "-S", "HE300-ALLOW")).stdout().lines()
                    .filter(l -> l.endsWith("-j DROP")).toList()).hasSize(5)
                    .allMatch(l -> l.contains("--ctstate DNAT")).anyMatch(l -> l.contains("--ctorigdstport 8000 "));

            dockerUserDropsWhatComesThroughAPublishedPort(namespaces, containerSide, hostNs, allowedNs);

            byte[] issued = Files.readAllBytes(fullchain);
            StringBuilder second = new StringBuilder();
            Recap two = network(onHost, facts, resolved, root, second);
            assertThat(two.results()).as(second::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.OK));
            assertThat(Files.readAllBytes(fullchain)).as("the certificate is kept, not issued again")
                    .isEqualTo(issued);

            Path hookLog = root.resolve("var/log/he300/deploy-hook.log");
            assertThat(Files.readAllLines(hookLog)).as("the hook ran at the first issuance, before nginx ran")
                    .singleElement().asString().contains(" ok: certificate for " + DOMAIN, "nginx is not running");

            CommandResult renewed = onHost.run(Command.builder("certbot").args("renew", "-n", "--force-renewal",
                    "--no-random-sleep-on-renew", "--config-dir", root.resolve("etc/letsencrypt").toString(), "--work-dir",
                    root.resolve("var/lib/letsencrypt").toString(), "--logs-dir",
                    root.resolve("var/log/letsencrypt").toString()).env("REQUESTS_CA_BUNDLE", pebbleCert.toString())
                    .timeout(Duration.ofMinutes(2)).build());
            assertThat(renewed.exitCode()).as(renewed.stdout() + renewed.stderr()).isZero();
            assertThat(renewed.stdout() + renewed.stderr()).doesNotContain("error output");
            List<String> hookRuns = Files.readAllLines(hookLog);
            assertThat(hookRuns).as("run once by the renewal (not twice: --deploy-hook is the hooks folder's)")
                    .hasSize(2);
            assertThat(hookRuns.get(1)).contains(" ok: certificate for " + DOMAIN, "live/" + DOMAIN,
                    "nginx reloaded (pid)");
            byte[] renewedChain = Files.readAllBytes(fullchain);
            assertThat(renewedChain).isNotEqualTo(issued);
            String wanted = fingerprint(leafOf(renewedChain));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String servedNow = servedFingerprint(onHost);
            while (!servedNow.equals(wanted) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                servedNow = servedFingerprint(onHost);
            }
            assertThat(servedNow).as("nginx, reloaded by the hook, serves the renewed certificate").isEqualTo(wanted);
        }
    }

    /**
     * A host whose nginx package already runs Debian's default site on port 80: the step disables it (the link, not
     * {@code sites-available/default}) and reloads that nginx before certbot needs the port; the deploy hook at the
     * first issuance then finds nginx running and reloads it.
     */
    @Test
    void aDefaultSiteHoldingPort80IsDisabledBeforeCertbotNeedsIt() throws Exception {
        RealTools.requireRoot();
        RealTools.require("ip", "pebble", "certbot", "nginx", "curl", "ss");
        try (Namespaces namespaces = new Namespaces()) {
            String hostNs = namespaces.create("p");
            CommandRunner onHost = namespaces.runner(hostNs);
            Path root = Files.createDirectories(dir.resolve("host-root"));
            Path pebbleCert = dir.resolve("pebble-cert.pem");
            startPebble(hostNs, pebbleCert);
            nginxConf(root);
            Path available = Files.createDirectories(root.resolve("etc/nginx/sites-available")).resolve("default");
            Files.writeString(available, "server { listen 80 default_server; return 200 welcome; }\n");
            Path enabled = Files.createDirectories(root.resolve("etc/nginx/sites-enabled")).resolve("default");
            Files.createSymbolicLink(enabled, available);
            onHost.runChecked(Command.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString()));
            CommandResult welcome = null;
            for (int i = 0; i < 50; i++) {
                welcome = http(onHost, "http://127.0.0.1/");
                if ("200".equals(welcome.stdout())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(welcome.stdout()).as("the default site answers on 80 before install").isEqualTo("200");

            InstallConfig config = io.github.rngops.he300.provision.config.Fixtures.parse("target:\n  host: 127.0.0.1\n"
                    + "network:\n  mode: direct\n  direct:\n    domain: " + DOMAIN + "\n    email: ops@example.com\n"
                    + "    acme_server: https://127.0.0.1:14000/dir\n    acme_ca_bundle: " + pebbleCert + "\n");
            InstallConfig resolved = config.withProfile(ModelRegistry.ofDefaults().cpuProfile());
            HostFacts facts = HostFactsProbe.gather(onHost);
            StringBuilder first = new StringBuilder();
            Recap one = network(onHost, facts, resolved, root, first);
            assertThat(one.results()).as(() -> first + pebbleLog()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.CHANGED));
            assertThat(first).contains("default nginx site");

            assertThat(enabled).doesNotExist();
            assertThat(available).exists();
            assertThat(Files.readAllLines(root.resolve("var/log/he300/deploy-hook.log"))).singleElement().asString()
                    .contains(" ok: certificate for " + DOMAIN, "nginx reloaded (pid)");
            assertThat(http(onHost, "http://127.0.0.1/").exitCode()).as("nothing on 80 any more").isEqualTo(7);
            CommandResult served = https(onHost, "127.0.0.1");
            assertThat(served.stdout()).as("no allowlist: nginx proxies (nothing behind it)").isEqualTo("502");

            StringBuilder second = new StringBuilder();
            Recap two = network(onHost, facts, resolved, root, second);
            assertThat(two.results()).as(second::toString).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.OK));
        }
    }

    /** Docker's publish of port 8000, by hand: DNAT to a "container" namespace behind the host, FORWARD to
     * DOCKER-USER (the chain the network step filled). */
    private void dockerUserDropsWhatComesThroughAPublishedPort(Namespaces namespaces, Namespaces containerSide,
            String hostNs, String clientNs) throws Exception {
        String containerNs = containerSide.create("c");
        containerSide.link(hostNs, "10.77.3.1/24", containerNs, "10.77.3.2/24");
        CommandRunner onHost = namespaces.runner(hostNs);
        CommandRunner inContainer = namespaces.runner(containerNs);
        CommandRunner onClient = namespaces.runner(clientNs);
        inContainer.runChecked(Command.of("ip", "route", "add", "default", "via", "10.77.3.1"));
        onClient.runChecked(Command.of("ip", "route", "add", "10.77.3.0/24", "via", "10.77.1.1"));
        onHost.runChecked(Command.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
        onHost.runChecked(Command.of("iptables", "-t", "nat", "-A", "PREROUTING", "-d", "10.77.1.1", "-p", "tcp",
                "--dport", "8000", "-j", "DNAT", "--to-destination", "10.77.3.2:8000"));
        onHost.runChecked(Command.of("iptables", "-I", "FORWARD", "1", "-j", "DOCKER-USER"));
        Path served = Files.createDirectories(dir.resolve("container-www"));
        Files.writeString(served.resolve("index.html"), "container\n");
        ProcessBuilder server = new ProcessBuilder("ip", "netns", "exec", containerNs, "/usr/bin/python3", "-m",
                "http.server", "8000", "--bind", "10.77.3.2", "--directory", served.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("container.log").toFile());
        server.start();
        CommandResult direct = null;
        for (int i = 0; i < 50; i++) {
            direct = http(onClient, "http://10.77.3.2:8000/");
            if (direct.exitCode() == 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(direct.exitCode()).as("not DNATed, so not dropped: " + direct.stderr()).isZero();
        assertThat(direct.stdout()).isEqualTo("200");
        CommandResult published = http(onClient, "http://10.77.1.1:8000/");
        assertThat(published.exitCode()).as("DNATed through the published port: dropped in DOCKER-USER "
                + published.stderr()).isEqualTo(28);
        CommandResult counters = onHost.runChecked(Command.of("iptables", "-L", "HE300-ALLOW", "-v", "-n", "-x"));
        assertThat(counters.stdout().lines().filter(l -> l.contains("DROP") && l.contains("8000")).findFirst()
                .orElseThrow().strip()).doesNotStartWith("0 ");
    }

    private static CommandResult https(CommandRunner client, String address) {
        return client.run(Command.of("curl", "-sS", "-k", "-o", "/dev/null", "-w", "%{http_code}", "--connect-timeout",
                "3", "--max-time", "10", "--resolve", DOMAIN + ":443:" + address, "https://" + DOMAIN + "/"));
    }

    private static CommandResult http(CommandRunner client, String url) {
        return client.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--connect-timeout", "2",
                "--max-time", "5", url));
    }

    /** The SHA-256 of the certificate nginx serves on the namespace's 443 (openssl's s_client, then x509). */
    private static String servedFingerprint(CommandRunner onHost) {
        return onHost.run(Command.of("sh", "-c", "openssl s_client -connect 127.0.0.1:443 -servername \"$1\""
                + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256", "sh", DOMAIN)).stdout().strip();
    }

    private static X509Certificate leafOf(byte[] chain) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(chain)).iterator().next();
    }

    /** As openssl prints it: {@code sha256 Fingerprint=AB:CD:...}. */
    private static String fingerprint(X509Certificate cert) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return "sha256 Fingerprint=" + java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
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
