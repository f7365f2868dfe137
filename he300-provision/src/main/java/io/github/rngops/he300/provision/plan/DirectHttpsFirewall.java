package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.net.firewall.Allowlist;
import io.github.rngops.he300.net.firewall.DockerUserRules;
import io.github.rngops.he300.net.firewall.HostInputRules;
import io.github.rngops.he300.net.firewall.Step;
import io.github.rngops.he300.net.firewall.UfwRule;
import io.github.rngops.he300.net.firewall.UfwStatus;
import io.github.rngops.he300.provision.config.Services;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The packet filter of direct mode with https. nginx is the host's package, so a connection to 443 goes through
 * {@code INPUT}, not through {@code DOCKER-USER} (which sees only traffic forwarded to containers):
 * <ul>
 *   <li>443 (nginx): {@link HostInputRules} in {@code INPUT}, only {@code security.allowed_ips} pass (loopback and
 *       established connections always do). Without an allowlist 443 is open to all, as the config asks.</li>
 *   <li>80 is not filtered: certbot's standalone HTTP-01 challenge listens there at issuance and at each renewal,
 *       and Let's Encrypt validates from addresses it does not publish. Nothing else listens on 80.</li>
 *   <li>Every published port of the stack (CIRISNode, EthicsEngine, Ollama or vLLM, Redis, PostgreSQL, monitoring):
 *       published on 127.0.0.1 by the compose file, and {@link DockerUserRules} with an empty allowlist drops any
 *       connection Docker's port publishing DNATed to them from outside, so not even a neighbour sending to
 *       127.0.0.1 through the host's interface (which Docker's DNAT before 28 would forward) reaches them. nginx
 *       reaches them on the host's loopback, which never crosses {@code FORWARD}.</li>
 * </ul>
 * When ufw is installed and active, its default-deny policy would drop what {@code HE300-INPUT} lets through (its
 * chains come after in {@code INPUT}), so 443/tcp and 80/tcp are allowed in ufw too; an inactive or absent ufw is
 * left alone. nginx's own allow/deny (the site) is the second layer behind the first. Checking asks every {@code -C} and the rule
 * count of each own chain (so a rule left from an older allowlist is found) in one round trip.
 */
final class DirectHttpsFirewall {
    static final int HTTPS = 443;
    /** Prints {@code absent} without ufw, else {@code ufw status}. */
    static final String UFW_STATUS = "command -v ufw >/dev/null 2>&1 || { echo absent; exit 0; }; ufw status";

    private final Host host;

    DirectHttpsFirewall(Host host) {
        this.host = host;
    }

    /** {@return what is missing, or empty when every rule is in place and no stale one is left} */
    Optional<String> missing() {
        List<Step> steps = steps();
        List<Command> checks = new ArrayList<>(steps.stream().flatMap(s -> s.check().stream()).toList());
        List<Command> counts = countChecks();
        checks.addAll(counts);
        List<Boolean> answers = Commands.allOk(host, checks);
        long absent = answers.subList(0, answers.size() - counts.size()).stream().filter(ok -> !ok).count();
        long stale = answers.subList(answers.size() - counts.size(), answers.size()).stream().filter(ok -> !ok)
                .count();
        List<String> missing = new ArrayList<>();
        if (absent > 0) {
            missing.add(absent + " firewall rules to add (" + scope() + ")");
        } else if (stale > 0) {
            missing.add(stale + " own chains holding rules the config no longer names");
        }
        List<UfwRule> ufw = ufwMissing();
        if (!ufw.isEmpty()) {
            missing.add("ufw is active: " + String.join(", ", ufw.stream().map(UfwRule::toString).toList())
                    + " to add (else its default deny drops what HE300-INPUT lets through)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    /** {@return the ufw rules to add: none when ufw is absent or inactive} */
    private List<UfwRule> ufwMissing() {
        Command look = Commands.script(UFW_STATUS);
        String out = host.remember(look.shellLine(), () -> host.look(look).orThrow(look).stdout());
        if (out.strip().equals("absent")) {
            return List.of();
        }
        UfwStatus status = UfwStatus.parseStatus(out);
        return !status.active() ? List.of()
                : List.of(UfwRule.HTTPS, UfwRule.ACME_HTTP).stream().filter(rule -> !status.has(rule)).toList();
    }

    private static Command ufwAdd(UfwRule rule) {
        return Commands.root("ufw", rule.args().toArray(String[]::new));
    }

    /** {@return a line per command, in the order apply runs them} */
    List<Planned> plan() {
        List<Planned> out = new ArrayList<>();
        inputRules().ifPresentOrElse(
                rules -> rules.steps().forEach(step -> out.add(Planned.run("INPUT: only allowed_ips reach "
                        + HTTPS, step.apply()))),
                () -> out.add(Planned.note("no security.allowed_ips: " + HTTPS + " is open to all (nginx only)")));
        dockerRules().steps().forEach(step -> out.add(Planned.run("DOCKER-USER: no published port reachable from"
                + " outside", step.apply())));
        out.add(Planned.note("each rule only when its -C check fails; rules of the own chains the config no longer"
                + " names are deleted (iptables -S, then -D)"));
        ufwMissing().forEach(rule -> out.add(Planned.run("ufw is active: allow the port there too", ufwAdd(rule))));
        return out;
    }

    /**
     * Adds the rules whose check fails (all checks in one round trip), then deletes the rules of the own chains the
     * config no longer names; {@return a summary}.
     */
    String apply() {
        List<Step> steps = steps();
        List<Command> checks = steps.stream().flatMap(s -> s.check().stream()).toList();
        Iterator<Boolean> present = Commands.allOk(host, checks).iterator();
        for (Step step : steps) {
            if (!(step.check().isPresent() && present.next())) {
                host.runChecked(step.apply());
            }
        }
        for (boolean ipv6 : new boolean[] {false, true}) {
            boolean v6 = ipv6;
            inputRules().ifPresent(rules -> prune(v6, rules.chain(), rules.rules(v6)));
            prune(ipv6, dockerRules().chain(), dockerRules().rules(ipv6));
        }
        ufwMissing().forEach(rule -> host.runChecked(ufwAdd(rule)));
        return "firewall: " + scope();
    }

    /** Deletes each rule of {@code chain} that is not in {@code wanted} (as {@code iptables -S} prints them). */
    private void prune(boolean ipv6, String chain, List<List<String>> wanted) {
        String tool = ipv6 ? "ip6tables" : "iptables";
        String prefix = "-A " + chain + " ";
        for (String line : host.look(Commands.root(tool, "-w", "-S", chain)).orThrow(Commands.root(tool, "-w",
                "-S", chain)).stdout().lines().toList()) {
            if (line.startsWith(prefix)) {
                List<String> rule = Arrays.asList(line.substring(prefix.length()).strip().split(" +"));
                if (!wanted.contains(rule)) {
                    List<String> args = new ArrayList<>(List.of("-w", "-D", chain));
                    args.addAll(rule);
                    host.runChecked(Commands.root(tool, args.toArray(String[]::new)));
                }
            }
        }
    }

    private String scope() {
        return (inputRules().isPresent() ? HTTPS + " from " + host.config().security().allowedIps().networks().size()
                + " allowed networks only" : HTTPS + " open") + "; published ports " + publishedPorts()
                + " dropped from outside";
    }

    /** {@return every rule step, INPUT's then DOCKER-USER's, in the order apply runs them} */
    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        inputRules().ifPresent(rules -> steps.addAll(rules.steps()));
        steps.addAll(dockerRules().steps());
        return steps;
    }

    /** Per own chain and tool: succeeds when the chain holds exactly the rules the config names, no more. */
    private List<Command> countChecks() {
        List<Command> checks = new ArrayList<>();
        for (boolean ipv6 : new boolean[] {false, true}) {
            inputRules().ifPresent(rules -> checks.add(count(ipv6, rules.chain(), rules.rules(ipv6).size())));
            DockerUserRules docker = dockerRules();
            checks.add(count(ipv6, docker.chain(), docker.rules(ipv6).size()));
        }
        return checks;
    }

    private static Command count(boolean ipv6, String chain, int rules) {
        return Commands.script("n=$(\"$1\" -w -S \"$2\" 2>/dev/null | grep -c '^-A '); [ \"$n\" = \"$3\" ]",
                ipv6 ? "ip6tables" : "iptables", chain, Integer.toString(rules));
    }

    private Optional<HostInputRules> inputRules() {
        Allowlist allow = host.config().security().allowedIps();
        return allow.networks().isEmpty() ? Optional.empty()
                : Optional.of(HostInputRules.builder().allowlist(allow).ports(HTTPS).build());
    }

    private DockerUserRules dockerRules() {
        DockerUserRules.Builder builder = DockerUserRules.builder().allowlist(new Allowlist(List.of()));
        publishedPorts().forEach(builder::ports);
        return builder.build();
    }

    /** {@return every host port the compose file publishes} */
    private List<Integer> publishedPorts() {
        Services s = host.config().services();
        List<Integer> ports = new ArrayList<>(List.of(s.cirisnode().port(), s.ethicsengine().port(),
                s.inference() == Services.Inference.VLLM ? s.vllm().port() : s.ollama().port(), s.redis().port(),
                s.postgres().port()));
        if (s.monitoring().enabled()) {
            ports.add(s.monitoring().prometheusPort());
            ports.add(s.monitoring().grafanaPort());
        }
        return ports;
    }
}
