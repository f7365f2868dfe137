package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The allowlist enforced where it actually protects Docker-published ports: iptables' {@code DOCKER-USER} chain.
 * Docker's DNAT happens before ufw sees a packet, so {@code ufw deny} does not stop traffic to a published port;
 * {@code DOCKER-USER} is the chain Docker leaves to the administrator and never rewrites.
 *
 * <p>For IPv4 (iptables) and IPv6 (ip6tables) each, the rules live in a chain of their own ({@code HE300-ALLOW})
 * that {@code DOCKER-USER} jumps to first:
 * <pre>
 * -A HE300-ALLOW -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
 * -A HE300-ALLOW -s 203.0.113.0/24 -p tcp -m conntrack --ctorigdstport 8000 --ctdir ORIGINAL -j RETURN   (each CIDR × port)
 * -A HE300-ALLOW [-i eth0] -p tcp -m conntrack --ctstate DNAT --ctorigdstport 8000 --ctdir ORIGINAL -j DROP   (each port)
 * </pre>
 * Ports are matched on the original destination ({@code --ctorigdstport}): after Docker's DNAT the packet's port is
 * the container's, which may differ from the published one. The drop takes only connections Docker's port
 * publishing DNATed ({@code --ctstate DNAT}): containers calling each other by name on the stack's bridge
 * (CIRISNode to {@code ethicsengine:8080}, to {@code ollama:11434}, to Redis and PostgreSQL) also pass through
 * {@code FORWARD} when {@code br_netfilter} is on, to the same ports, and must not be dropped. {@code RETURN} hands
 * allowed traffic back to Docker's own rules. An empty allowlist drops every connection to a listed published port
 * that came from outside (direct mode with https, where nothing but nginx on the host may reach the services). With {@link Builder#inInterface} set, only traffic arriving on that interface is dropped, so containers
 * calling out to some port 8000 elsewhere are not caught.
 *
 * <p>Applying is idempotent: every rule is checked with {@code -C} before it is inserted at its place, and rules in
 * the chain that the allowlist no longer names are deleted. Applying twice changes nothing the second time.
 */
public final class DockerUserRules {
    /** The chain Docker leaves to the administrator. */
    public static final String DOCKER_USER = "DOCKER-USER";
    private static final Pattern IFACE = Pattern.compile("[a-zA-Z0-9_.+-]{1,15}");

    private final Allowlist allowlist;
    private final List<Integer> ports;
    private final OwnChain own;
    private final Optional<String> inInterface;

    private DockerUserRules(Builder builder) {
        allowlist = builder.allowlist;
        ports = List.copyOf(builder.ports);
        own = new OwnChain(DOCKER_USER, builder.chain, builder.sudo);
        inInterface = builder.inInterface;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the chain holding the rules, which {@code DOCKER-USER} jumps to} */
    public String chain() {
        return own.chain();
    }

    /**
     * {@return the rule specs of the own chain, in order, for {@code iptables} or {@code ip6tables}, as {@code -S} prints them}
     *
     * @param ipv6 false for {@code iptables} and the allowlist's IPv4 networks, true for {@code ip6tables} and its
     *     IPv6 networks
     */
    public List<List<String>> rules(boolean ipv6) {
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "RETURN"));
        for (Cidr network : ipv6 ? allowlist.ipv6() : allowlist.ipv4()) {
            for (int port : ports) {
                List<String> rule = new ArrayList<>(List.of("-s", network.toString()));
                rule.addAll(portMatch(port));
                rule.addAll(List.of("-j", "RETURN"));
                rules.add(List.copyOf(rule));
            }
        }
        for (int port : ports) {
            List<String> rule = new ArrayList<>();
            inInterface.ifPresent(iface -> rule.addAll(List.of("-i", iface)));
            rule.addAll(List.of("-p", "tcp", "-m", "conntrack", "--ctstate", "DNAT", "--ctorigdstport",
                    Integer.toString(port), "--ctdir", "ORIGINAL"));
            rule.addAll(List.of("-j", "DROP"));
            rules.add(List.copyOf(rule));
        }
        return rules;
    }

    /**
     * Every step, IPv4 then IPv6: make the chains, add the jump, then each rule at its position. Pruning rules the
     * allowlist no longer names happens in {@link #apply} (it reads the chain first); {@link #dryRun()} shows it.
     * Nothing runs here.
     *
     * @return the steps, each a check ({@code -L}, {@code -C}) and the change it guards ({@code -N}, {@code -I})
     */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (boolean ipv6 : new boolean[] {false, true}) {
            String tool = OwnChain.tool(ipv6);
            // Docker makes DOCKER-USER when it starts; made here too, it is the one Docker keeps
            steps.add(Step.unless(own.command(tool, List.of("-n", "-L", DOCKER_USER)),
                    own.command(tool, List.of("-N", DOCKER_USER))));
            steps.addAll(own.steps(tool, rules(ipv6)));
        }
        return steps;
    }

    /** {@return every command the apply would run, in full, one per line} */
    public List<String> dryRun() {
        List<String> lines = new ArrayList<>(steps().stream().map(Step::display).toList());
        for (boolean ipv6 : new boolean[] {false, true}) {
            lines.add(own.pruneLine(OwnChain.tool(ipv6)));
        }
        return lines;
    }

    /**
     * Applies the steps, then deletes rules of the own chain that the allowlist no longer names.
     *
     * @param runner where iptables runs (this machine, or the host over SSH); it needs root, given by {@code sudo}
     * @return one outcome per step, in order, then {@link Step.Outcome#CHANGED} for each rule deleted
     * @throws io.github.rngops.he300.core.command.CommandException if an iptables command fails (what ran before it
     *     stays)
     */
    public List<Step.Outcome> apply(CommandRunner runner) {
        List<Step.Outcome> outcomes = new ArrayList<>();
        for (Step step : steps()) {
            outcomes.add(step.run(runner));
        }
        for (boolean ipv6 : new boolean[] {false, true}) {
            outcomes.addAll(own.prune(runner, OwnChain.tool(ipv6), rules(ipv6)));
        }
        return outcomes;
    }

    private List<String> portMatch(int port) {
        return List.of("-p", "tcp", "-m", "conntrack", "--ctorigdstport", Integer.toString(port), "--ctdir",
                "ORIGINAL");
    }

    /** Makes {@link DockerUserRules}. */
    public static final class Builder {
        private Allowlist allowlist;
        private final List<Integer> ports = new ArrayList<>();
        private String chain = "HE300-ALLOW";
        private Optional<String> inInterface = Optional.empty();
        private boolean sudo = true;

        private Builder() {}

        /**
         * Sets the networks that may reach the ports. Required; an empty one drops every new connection to them.
         *
         * @param allowlist the allowed networks, IPv4 and IPv6
         * @return this builder
         */
        public Builder allowlist(Allowlist allowlist) {
            this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
            return this;
        }

        /**
         * Adds published TCP ports to protect, like 8000 (CIRISNode) and 8080 (EthicsEngine); at least one is
         * required. Repeats are ignored.
         *
         * @param ports host ports as Docker publishes them, 1..65535
         * @return this builder
         * @throws NetException naming the first port out of range
         */
        public Builder ports(int... ports) {
            OwnChain.addPorts(this.ports, ports);
            return this;
        }

        /**
         * Sets the chain holding the rules; default {@code HE300-ALLOW}.
         *
         * @param chain 1 to 28 of {@code A-Z a-z 0-9 _ -}, not {@code DOCKER-USER}
         * @return this builder
         * @throws NetException if it is of another form
         */
        public Builder chain(String chain) {
            if (!OwnChain.validName(chain) || chain.equals(DOCKER_USER)) {
                throw NetException.invalid("chain", "'" + chain + "' must be 1 to 28 of A-Z a-z 0-9 _ - and not "
                        + DOCKER_USER);
            }
            this.chain = chain;
            return this;
        }

        /**
         * Drops only traffic arriving on this interface (the public one, like eth0); by default traffic from any
         * interface is dropped.
         *
         * @param iface an interface name, 1 to 15 of {@code a-z A-Z 0-9 _ . + -}
         * @return this builder
         * @throws NetException if it is not an interface name
         */
        public Builder inInterface(String iface) {
            if (!IFACE.matcher(iface).matches()) {
                throw NetException.invalid("inInterface", "'" + iface + "' is not an interface name");
            }
            this.inInterface = Optional.of(iface);
            return this;
        }

        /**
         * Sets whether iptables runs as root; true by default (a runner that is root runs it as it is).
         *
         * @param sudo whether the commands are marked {@code sudo}
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * {@return the {@link DockerUserRules} these settings describe}
         *
         * @throws NetException if the allowlist or every port is missing
         */
        public DockerUserRules build() {
            if (allowlist == null) {
                throw NetException.invalid("allowlist", "is missing");
            }
            if (ports.isEmpty()) {
                throw NetException.invalid("ports", "name at least one published port to protect, like 8000");
            }
            return new DockerUserRules(this);
        }
    }
}
