package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.firewall.Allowlist;
import io.github.rngops.he300.net.firewall.DockerUserRules;
import io.github.rngops.he300.net.tailscale.Tailscale;
import io.github.rngops.he300.provision.config.NetworkConfig;
import io.github.rngops.he300.provision.config.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The network mode, through he300-net. {@code tunnel}: nothing on the host (the runner forwards the loopback ports
 * over SSH). {@code tailscale}: the auth key to a 0600 file and {@code tailscale up}, and the DOCKER-USER allowlist
 * (Docker bypasses ufw). {@code direct} without https: the DOCKER-USER allowlist. {@code wireguard}:
 * {@link WireGuardSetup} (the host's key made on the host, its config, {@code wg0} up, the runner's config here).
 * {@code direct} with https: {@link DirectHttpsFirewall} first (443 from the allowlist only in {@code INPUT}, every
 * published port dropped from outside in {@code DOCKER-USER}), then {@link DirectHttpsSetup} (certbot, then nginx in
 * front). In the modes with rules (tailscale, direct) {@link FirewallBoot} writes the same steps as a script and
 * a oneshot unit enabled at boot, since the rules live in the kernel only. Tunnel and wireguard mode write none,
 * and a switch to them leaves an earlier one in place (remove it with {@code systemctl disable he300-firewall}).
 */
final class NetworkStep implements Step {
    static final String NAME = "network";
    static final List<String> TAILNET = List.of("100.64.0.0/10", "fd7a:115c:a1e0::/48");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Check check(Host host) {
        NetworkConfig network = host.config().network();
        return switch (network.mode()) {
            case TUNNEL -> Check.skipped("tunnel mode: nothing on the host; ports stay on its loopback and the"
                    + " runner forwards them over SSH");
            case WIREGUARD -> new WireGuardSetup(host).missing().map(Check::needed)
                    .orElseGet(() -> Check.ok("WireGuard " + network.wireguard().interfaceName() + " up on "
                            + network.wireguard().address() + ", host and runner configs in place"));
            case DIRECT -> !network.direct().https() ? firewallCheck(host, "direct mode")
                    : !network.direct().certbot() ? Check.failed("direct mode with https but certbot: false: bring"
                            + " your own certificate and proxy", "or set network.direct.certbot: true")
                    : directHttpsCheck(host);
            case TAILSCALE -> {
                boolean up = host.look(Commands.root("tailscale", "status")).ok();
                Check firewall = firewallCheck(host, "tailscale mode");
                yield up && firewall.state() == Check.State.OK ? Check.ok("tailscale up; " + firewall.detail())
                        : Check.needed((up ? "tailscale up" : "tailscale not up") + "; " + firewall.detail());
            }
        };
    }

    @Override
    public List<Planned> plan(Host host) {
        List<Planned> out = new ArrayList<>();
        if (host.config().network().mode() == NetworkConfig.Mode.WIREGUARD) {
            return new WireGuardSetup(host).plan();
        }
        if (https(host)) {
            out.addAll(new DirectHttpsFirewall(host).plan());
            out.addAll(boot(host).plan());
            out.addAll(new DirectHttpsSetup(host).plan());
            return out;
        }
        if (host.config().network().mode() == NetworkConfig.Mode.TAILSCALE) {
            Tailscale tailscale = tailscale(host);
            out.add(Planned.run("the auth key to a 0600 file (on stdin)", tailscale.writeAuthKeyCommand(authKey(host))));
            out.add(Planned.run("join the tailnet", tailscale.upCommand()));
        }
        for (var step : rules(host).steps()) {
            out.add(Planned.run("DOCKER-USER allowlist", step.apply()));
        }
        out.addAll(boot(host).plan());
        return out;
    }

    @Override
    public Applied apply(Host host) {
        if (host.config().network().mode() == NetworkConfig.Mode.WIREGUARD) {
            return Applied.done(new WireGuardSetup(host).apply());
        }
        if (https(host)) {
            String firewall = new DirectHttpsFirewall(host).apply() + ", " + boot(host).apply();
            return Applied.done(new DirectHttpsSetup(host).apply() + "; " + firewall);
        }
        if (host.config().network().mode() == NetworkConfig.Mode.TAILSCALE) {
            Tailscale tailscale = tailscale(host);
            host.runChecked(tailscale.writeAuthKeyCommand(authKey(host)));
            host.runChecked(tailscale.upCommand());
        }
        var steps = rules(host).steps();
        List<Boolean> present = present(host, steps);
        for (int i = 0; i < steps.size(); i++) {
            if (!present.get(i)) {
                host.runChecked(steps.get(i).apply());
            }
        }
        return Applied.done(host.config().network().mode().label() + " mode set up; " + boot(host).apply());
    }

    /** Both halves are asked (one round trip each), so the detail names everything a run would change. */
    private static Check directHttpsCheck(Host host) {
        List<String> missing = new ArrayList<>();
        new DirectHttpsFirewall(host).missing().ifPresent(missing::add);
        boot(host).missing().ifPresent(missing::add);
        new DirectHttpsSetup(host).missing().ifPresent(missing::add);
        return missing.isEmpty() ? Check.ok("https://" + host.config().network().direct().domain().orElseThrow()
                + "/: firewall in place (and at boot), certificate issued, nginx serving it") : Check.needed(String.join("; ",
                missing));
    }

    private static boolean https(Host host) {
        return host.config().network().mode() == NetworkConfig.Mode.DIRECT && host.config().network().direct().https();
    }

    private static Check firewallCheck(Host host, String mode) {
        long missing = present(host, rules(host).steps()).stream().filter(p -> !p).count();
        var boot = boot(host).missing();
        if (missing == 0 && boot.isEmpty()) {
            return Check.ok(mode + ": DOCKER-USER allowlist in place, and at boot");
        }
        List<String> why = new ArrayList<>();
        if (missing > 0) {
            why.add(missing + " DOCKER-USER rules to add");
        }
        boot.ifPresent(why::add);
        return Check.needed(mode + ": " + String.join("; ", why));
    }

    /**
     * The same steps this step applies, as a script and unit that apply them again at every boot: the DOCKER-USER
     * allowlist, or in direct mode with https {@link DirectHttpsFirewall}'s rules.
     */
    private static FirewallBoot boot(Host host) {
        return new FirewallBoot(host, https(host) ? new DirectHttpsFirewall(host).steps() : rules(host).steps());
    }

    /**
     * For each rule step, whether its check finds it in place (a step without a check never is): every check in one
     * round trip ({@link Commands#allOk}), not one channel per rule.
     */
    private static List<Boolean> present(Host host, List<io.github.rngops.he300.net.firewall.Step> steps) {
        List<Command> checks = steps.stream().flatMap(s -> s.check().stream()).toList();
        Iterator<Boolean> answers = Commands.allOk(host, checks).iterator();
        return steps.stream().map(s -> s.check().isPresent() && answers.next()).toList();
    }

    private static DockerUserRules rules(Host host) {
        var services = host.config().services();
        Allowlist allow = host.config().security().allowedIps();
        if (allow.networks().isEmpty() && host.config().network().mode() == NetworkConfig.Mode.TAILSCALE) {
            allow = Allowlist.parse(TAILNET);
        }
        return DockerUserRules.builder().allowlist(allow)
                .ports(services.cirisnode().port(), services.ethicsengine().port(), services.ollama().port()).build();
    }

    private static Tailscale tailscale(Host host) {
        Tailscale.Builder builder = Tailscale.builder()
                .authKeyFile(Path.of(host.path(Tailscale.DEFAULT_AUTH_KEY_FILE.toString())));
        host.config().network().tailscale().hostname().ifPresent(builder::hostname);
        return builder.build();
    }

    private static String authKey(Host host) {
        return host.config().network().tailscale().authKey().map(Secret::reveal).orElseThrow(() ->
                new PlanException("tailscale mode needs an auth key", "set network.tailscale.auth_key_file or"
                        + " HE300_TS_AUTHKEY"));
    }

}
