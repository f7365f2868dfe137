package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The allowlist for ports a <em>host</em> process listens on, such as nginx on 443: iptables' {@code INPUT} chain.
 * {@link DockerUserRules} cannot do this: {@code DOCKER-USER} sits in {@code FORWARD} and sees only traffic
 * forwarded to containers, while a connection to a host process goes through {@code INPUT}. ufw would be the other
 * way in, but it only restricts when it is active with a default-deny policy, and enabling it on a host is a change
 * of its own; these rules restrict by themselves, whatever ufw does.
 *
 * <p>For IPv4 (iptables) and IPv6 (ip6tables) each, the rules live in a chain of their own ({@code HE300-INPUT})
 * that {@code INPUT} jumps to first:
 * <pre>
 * -A HE300-INPUT -i lo -j RETURN
 * -A HE300-INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
 * -A HE300-INPUT -s 203.0.113.0/24 -p tcp -m tcp --dport 443 -j RETURN     (each CIDR × port)
 * -A HE300-INPUT -p tcp -m tcp --dport 443 -j DROP                          (each port)
 * </pre>
 * Only the listed ports are touched; every other packet returns to {@code INPUT} (and so to ufw, if active).
 * Addresses of the other family than a rule set's tool have no rule there, so an IPv4-only allowlist drops every
 * IPv6 connection to the ports.
 *
 * <p>Applying is idempotent as {@link DockerUserRules}'s is: each rule checked with {@code -C} before it is inserted
 * at its place, and rules the allowlist no longer names deleted.
 */
public final class HostInputRules {
    /** The chain the kernel passes every packet for a local process through. */
    public static final String INPUT = "INPUT";
    /** The chain holding the rules, unless {@link Builder#chain} names another. */
    public static final String DEFAULT_CHAIN = "HE300-INPUT";

    private final Allowlist allowlist;
    private final List<Integer> ports;
    private final OwnChain own;

    private HostInputRules(Builder builder) {
        allowlist = builder.allowlist;
        ports = List.copyOf(builder.ports);
        own = new OwnChain(INPUT, builder.chain, builder.sudo);
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the chain holding the rules} */
    public String chain() {
        return own.chain();
    }

    /**
     * The rule specs of the own chain, in order, as {@code iptables -S} prints them (without {@code -A CHAIN}).
     *
     * @param ipv6 {@code true} for ip6tables, {@code false} for iptables
     * @return the rule specs, each a list of words
     */
    public List<List<String>> rules(boolean ipv6) {
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("-i", "lo", "-j", "RETURN"));
        rules.add(List.of("-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED", "-j", "RETURN"));
        for (Cidr network : ipv6 ? allowlist.ipv6() : allowlist.ipv4()) {
            for (int port : ports) {
                rules.add(OwnChain.with(List.of("-s", network.toString()), portMatch(port),
                        List.of("-j", "RETURN")));
            }
        }
        for (int port : ports) {
            rules.add(OwnChain.with(portMatch(port), List.of("-j", "DROP")));
        }
        return rules;
    }

    /**
     * Every step, IPv4 then IPv6: make the chain, add the jump from {@code INPUT}, then each rule at its position.
     * Pruning rules the allowlist no longer names happens in {@link #apply}; {@link #pruneCommands} reads what to
     * prune.
     *
     * @return the steps, each a check and the change to make when the check fails
     */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (boolean ipv6 : new boolean[] {false, true}) {
            steps.addAll(own.steps(OwnChain.tool(ipv6), rules(ipv6)));
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

    /** {@return the listing commands {@link #apply} reads to find rules to prune: iptables, then ip6tables} */
    public List<Command> pruneCommands() {
        return List.of(own.listing(OwnChain.tool(false)), own.listing(OwnChain.tool(true)));
    }

    /**
     * Applies the steps, then deletes rules of the own chain that the allowlist no longer names.
     *
     * @param runner where the commands run (the host)
     * @return what each step did, then a {@code CHANGED} per rule deleted
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

    private static List<String> portMatch(int port) {
        return List.of("-p", "tcp", "-m", "tcp", "--dport", Integer.toString(port));
    }

    /** Makes {@link HostInputRules}. */
    public static final class Builder {
        private Allowlist allowlist;
        private final List<Integer> ports = new ArrayList<>();
        private String chain = DEFAULT_CHAIN;
        private boolean sudo = true;

        private Builder() {}

        /**
         * Sets the networks allowed to reach the ports; everyone else is dropped. Required.
         *
         * @param allowlist the networks allowed to reach the ports
         * @return this builder
         */
        public Builder allowlist(Allowlist allowlist) {
            this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
            return this;
        }

        /**
         * Adds TCP ports a host process listens on, like 443 (nginx). At least one is required.
         *
         * @param ports the ports, 1..65535
         * @return this builder
         */
        public Builder ports(int... ports) {
            OwnChain.addPorts(this.ports, ports);
            return this;
        }

        /**
         * Sets the chain holding the rules; default {@value HostInputRules#DEFAULT_CHAIN}.
         *
         * @param chain 1 to 28 of A-Z a-z 0-9 _ -, not a built-in chain
         * @return this builder
         */
        public Builder chain(String chain) {
            if (!OwnChain.validName(chain)
                    || List.of(INPUT, "OUTPUT", "FORWARD", DockerUserRules.DOCKER_USER).contains(chain)) {
                throw NetException.invalid("chain", "'" + chain + "' must be 1 to 28 of A-Z a-z 0-9 _ - and not a"
                        + " built-in chain or " + DockerUserRules.DOCKER_USER);
            }
            this.chain = chain;
            return this;
        }

        /**
         * Sets whether the commands run through sudo (default {@code true}).
         *
         * @param sudo whether the commands run through sudo
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /** {@return the {@link HostInputRules} these settings describe} */
        public HostInputRules build() {
            if (allowlist == null) {
                throw NetException.invalid("allowlist", "is missing");
            }
            if (allowlist.networks().isEmpty()) {
                throw NetException.invalid("allowlist", "is empty: these rules would drop everyone; name the networks"
                        + " allowed to reach the ports");
            }
            if (ports.isEmpty()) {
                throw NetException.invalid("ports", "name at least one port to protect, like 443");
            }
            return new HostInputRules(this);
        }
    }
}
