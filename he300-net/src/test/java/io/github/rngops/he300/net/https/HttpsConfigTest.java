package io.github.rngops.he300.net.https;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.firewall.Allowlist;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HttpsConfigTest {
    private final Certbot.Builder certbot = Certbot.builder().domain("gpu-host.example.com").email("ops@example.com");
    private final Certbot defaults = certbot.build();

    @Test
    void issuesFromStagingUnlessProductionIsAskedFor() {
        Command staging = certbot.build().issueCommand();

        assertThat(staging.argv()).containsExactly("certbot", "certonly", "--standalone", "-n", "--agree-tos", "-m",
                "ops@example.com", "-d", "gpu-host.example.com", "--test-cert", "--keep-until-expiring");
        assertThat(staging.sudo()).isTrue();
        assertThat(certbot.build().toBuilder().production().deployHook(DeployHook.DEFAULT_PATH).build().issueCommand()
                .argv()).doesNotContain("--test-cert").contains("--deploy-hook", DeployHook.DEFAULT_PATH.toString());
    }

    @Test
    void aPrivateAcmeServerReplacesStaging() {
        Command command = certbot.server(URI.create("https://127.0.0.1:14000/dir")).httpPort(5002)
                .caBundle(Path.of("/tmp/ca.pem")).configDir(Path.of("/tmp/le")).build().issueCommand();

        assertThat(command.argv()).contains("--server", "https://127.0.0.1:14000/dir", "--http-01-port", "5002",
                "--config-dir", "/tmp/le").doesNotContain("--test-cert");
        assertThat(command.env().get("REQUESTS_CA_BUNDLE").value()).isEqualTo("/tmp/ca.pem");
        assertThat(defaults.fullchain()).isEqualTo(Path.of("/etc/letsencrypt/live/gpu-host.example.com/fullchain.pem"));
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> Certbot.builder().domain("localhost")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> Certbot.builder().domain("a.example.com; rm -rf /")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> Certbot.builder().email("nobody")).hasMessageStartingWith("email:");
        assertThatThrownBy(() -> Certbot.builder().server(URI.create("http://acme/dir"))).hasMessageContaining("https://");
        assertThatThrownBy(() -> Certbot.builder().domain("a.example.com").build()).hasMessageStartingWith("email:");
    }

    @Test
    void proxiesCirisNodeAndEthicsEngineOn443() {
        String block = NginxProxy.builder().serverName("gpu-host.example.com").certificate(certbot.build())
                .allowlist(Allowlist.of("203.0.113.0/24")).build().serverBlock();

        assertThat(block).contains("listen 443 ssl;", "server_name gpu-host.example.com;",
                "ssl_certificate     /etc/letsencrypt/live/gpu-host.example.com/fullchain.pem;",
                "ssl_certificate_key /etc/letsencrypt/live/gpu-host.example.com/privkey.pem;",
                "allow 203.0.113.0/24;\n    deny all;", "proxy_pass http://127.0.0.1:8080/;",
                "proxy_pass http://127.0.0.1:8000;");
    }

    @Test
    void theDeployHookChecksThenReloadsNginx() {
        Command install = DeployHook.installCommand(DeployHook.DEFAULT_PATH, true);

        assertThat(DeployHook.script()).startsWith("#!/bin/sh\n").contains("nginx -t -q", "systemctl reload nginx");
        assertThat(install.argv()).endsWith(DeployHook.DEFAULT_PATH.toString());
        assertThat(install.stdin()).isPresent();
    }
}
