package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.Sha256;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.https.Certbot;
import io.github.rngops.he300.net.https.DeployHook;
import io.github.rngops.he300.net.https.NginxProxy;
import io.github.rngops.he300.provision.config.NetworkConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Direct mode with https, done by install: certbot's standalone issuance (Let's Encrypt's staging CA unless
 * {@code network.direct.production}; {@code --keep-until-expiring}, so a re-run keeps the certificate) with the
 * deploy hook (he300-net's {@link DeployHook}: reloads this nginx, by its pid file and config, when it runs; says
 * so and succeeds when it does not, as at the first issuance), then nginx on 443 in front of CIRISNode and
 * EthicsEngine (which stay on 127.0.0.1) with the allowlist as allow/deny (the second layer behind
 * {@link DirectHttpsFirewall}), checked with {@code nginx -t} and reloaded (or started). The Debian layout: {@code /etc/nginx/sites-available/he300}, linked from {@code sites-enabled}. Under a file root
 * (tests) nginx runs with {@code -c <root>/etc/nginx/nginx.conf}.
 */
final class DirectHttpsSetup {
    static final String SITE = "/etc/nginx/sites-available/he300";
    static final String ENABLED = "/etc/nginx/sites-enabled/he300";
    /** Debian's welcome site, on port 80, which certbot's standalone challenge needs at issuance and renewal. */
    static final String DEFAULT_SITE = "/etc/nginx/sites-enabled/default";
    /**
     * Removes the default site's link ($2) and reloads a running nginx (pid file $1, then nginx's arguments) so it
     * lets go of port 80, waiting up to 5 s for the port to be free (when {@code ss} is there to ask). Nothing when
     * the link is absent. {@code sites-available/default} stays.
     */
    static final String FREE_PORT_80_SCRIPT = "set -e; pid=\"$1\"; link=\"$2\"; shift 2; "
            + "if [ ! -e \"$link\" ] && [ ! -L \"$link\" ]; then exit 0; fi; rm -f -- \"$link\"; "
            + "if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then "
            + "nginx -t -q \"$@\"; systemctl reload nginx; elif [ -s \"$pid\" ] && kill -0 \"$(cat \"$pid\")\" 2>/dev/null; "
            + "then nginx -t -q \"$@\"; nginx -s reload \"$@\" 2>/dev/null; else exit 0; fi; "
            + "command -v ss >/dev/null 2>&1 || exit 0; i=0; "
            + "while [ -n \"$(ss -Hltn 'sport = :80')\" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done";
    /** Prints {@code cert}/{@code nocert}, the site file's SHA-256 or {@code missing}, {@code running}/{@code stopped},
     * the deploy hook's SHA-256 or {@code missing}. Arguments: fullchain, site file, nginx pid file, deploy hook. */
    static final String STATE_SCRIPT = "if [ -s \"$1\" ]; then echo cert; else echo nocert; fi; "
            + "if [ -f \"$2\" ]; then h=$(sha256sum < \"$2\"); echo \"${h%% *}\"; else echo missing; fi; "
            + "if [ -s \"$3\" ] && kill -0 \"$(cat \"$3\")\" 2>/dev/null; then echo running; else echo stopped; fi; "
            + "if [ -x \"$4\" ]; then h=$(sha256sum < \"$4\"); echo \"${h%% *}\"; else echo missing; fi; "
            + "if [ -e \"$5\" ] || [ -L \"$5\" ]; then echo default; else echo nodefault; fi";
    /** Writes stdin to $1 (0644, atomically), links it from $2; prints changed/unchanged. */
    static final String SITE_SCRIPT = "set -e; mkdir -p -- \"$(dirname -- \"$1\")\" \"$(dirname -- \"$2\")\"; "
            + "tmp=\"$1.he300-tmp.$$\"; cat > \"$tmp\"; chmod 644 \"$tmp\"; ln -sfn -- \"$1\" \"$2\"; "
            + "if [ -f \"$1\" ] && cmp -s \"$tmp\" \"$1\"; then rm -f \"$tmp\"; echo unchanged; "
            + "else mv -f \"$tmp\" \"$1\"; echo changed; fi";
    /** Checks the config, then reloads a running nginx (systemd's, or by its pid file) or starts it. Arguments:
     * the pid file, then nginx's own arguments ({@code -c FILE} under a root). */
    static final String RELOAD_SCRIPT = "set -e; pid=\"$1\"; shift; nginx -t -q \"$@\"; "
            + "if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then "
            + "systemctl reload nginx; elif [ -s \"$pid\" ] && kill -0 \"$(cat \"$pid\")\" 2>/dev/null; then "
            + "nginx -s reload \"$@\"; else nginx \"$@\"; fi";

    private final Host host;
    private final NetworkConfig.Direct direct;

    DirectHttpsSetup(Host host) {
        this.host = host;
        this.direct = host.config().network().direct();
    }

    Optional<String> missing() {
        Command look = Command.builder("sh").args("-c", STATE_SCRIPT, "sh", certbot().fullchain().toString(),
                host.path(SITE), pidFile(), hookPath().toString(), host.path(DEFAULT_SITE)).sudo(true).build();
        List<String> lines = host.remember(look.shellLine(), () -> host.look(look).orThrow(look).stdout().lines()
                .toList());
        List<String> missing = new java.util.ArrayList<>();
        if (!lines.get(0).strip().equals("cert")) {
            missing.add("no certificate for " + domain() + " yet");
        }
        if (!lines.get(1).strip().equals(Sha256.hex(site().getBytes(StandardCharsets.UTF_8)))) {
            missing.add("nginx site " + SITE + " to write");
        }
        if (!lines.get(2).strip().equals("running")) {
            missing.add("nginx is not running");
        }
        if (!lines.get(3).strip().equals(Sha256.hex(deployHook().text().getBytes(StandardCharsets.UTF_8)))) {
            missing.add("certbot's deploy hook " + DeployHook.DEFAULT_PATH + " to " + (lines.get(3).strip()
                    .equals("missing") ? "install" : "update"));
        }
        if (lines.get(4).strip().equals("default")) {
            missing.add("Debian's default nginx site " + DEFAULT_SITE + " holds port 80, which certbot's challenge"
                    + " needs: to disable");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    List<Planned> plan() {
        return List.of(Planned.run("certbot's deploy hook (reloads the running nginx after issuance and renewal;"
                        + " logs to " + DeployHook.DEFAULT_LOG + ")", hook()),
                Planned.run("disable Debian's default site (port 80, needed by certbot's challenge) if enabled;"
                        + " reload nginx if it runs", freePort80()),
                Planned.run("a certificate for " + domain() + (direct.production() ? " (production CA)"
                        : direct.acmeServer().isPresent() ? "" : " (Let's Encrypt staging; production: true for a"
                        + " trusted one)"), certbot().issueCommand()),
                Planned.note("write " + SITE + " (nginx on 443 in front of 127.0.0.1:"
                        + host.config().services().cirisnode().port() + " and /ethicsengine/), link it, nginx -t,"
                        + " reload or start nginx"));
    }

    String apply() {
        host.runChecked(hook());
        host.runChecked(freePort80());
        host.runChecked(certbot().issueCommand());
        Command write = Command.builder("sh").args("-c", SITE_SCRIPT, "sh", host.path(SITE), host.path(ENABLED))
                .stdin(site().getBytes(StandardCharsets.UTF_8)).sudo(true).build();
        host.runChecked(write);
        host.runChecked(Command.builder("sh").args("-c", RELOAD_SCRIPT, "sh", pidFile()).args(nginxArgs())
                .sudo(true).build());
        return "https://" + domain() + "/ served by nginx with " + (direct.production() ? "a production"
                : direct.acmeServer().isPresent() ? "an ACME" : "a STAGING (untrusted)") + " certificate";
    }

    private Certbot certbot() {
        String email = direct.email().orElseThrow(() -> new PlanException("certbot needs an account address",
                "set network.direct.email (the CA sends expiry warnings there)"));
        Certbot.Builder certbot = Certbot.builder().domain(domain()).email(email)
                .deployHook(hookPath());
        if (direct.production()) {
            certbot.production();
        }
        direct.acmeServer().ifPresent(url -> certbot.server(URI.create(url)));
        direct.acmeCaBundle().ifPresent(bundle -> certbot.caBundle(Path.of(bundle)));
        if (!host.root().isEmpty()) {
            certbot.configDir(Path.of(host.path(Certbot.DEFAULT_CONFIG_DIR.toString())))
                    .workDir(Path.of(host.path("/var/lib/letsencrypt"))).logsDir(Path.of(host.path("/var/log/letsencrypt")));
        }
        return certbot.build();
    }

    private Command freePort80() {
        return Command.builder("sh").args("-c", FREE_PORT_80_SCRIPT, "sh", pidFile(), host.path(DEFAULT_SITE))
                .args(nginxArgs()).sudo(true).build();
    }

    private Command hook() {
        return deployHook().install(hookPath(), true);
    }

    /** The hook for the nginx this step starts: its pid file and, under a file root, its {@code -c} config. */
    DeployHook deployHook() {
        return new DeployHook(Path.of(pidFile()), nginxArgs(), Path.of(host.path(DeployHook.DEFAULT_LOG.toString())));
    }

    private Path hookPath() {
        return Path.of(host.path(DeployHook.DEFAULT_PATH.toString()));
    }

    private String site() {
        var services = host.config().services();
        NginxProxy.Builder proxy = NginxProxy.builder().serverName(domain()).certificate(certbot())
                .ciriNodePort(services.cirisnode().port()).ethicsEnginePort(services.ethicsengine().port());
        if (!host.config().security().allowedIps().networks().isEmpty()) {
            proxy.allowlist(host.config().security().allowedIps());
        }
        return proxy.build().serverBlock();
    }

    private List<String> nginxArgs() {
        return host.root().isEmpty() ? List.of() : List.of("-c", host.path("/etc/nginx/nginx.conf"));
    }

    private String pidFile() {
        return host.path("/run/nginx.pid");
    }

    private String domain() {
        return direct.domain().orElseThrow();
    }
}
