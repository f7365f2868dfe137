package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ufw rules for the host's <em>own</em> ports (SSH, WireGuard's UDP port, the HTTPS proxy). ufw does not protect
 * Docker-published ports (Docker's rules come first); {@link DockerUserRules} does that.
 *
 * <pre>{@code
 * Ufw ufw = Ufw.builder().rule(UfwRule.SSH).rule(UfwRule.WIREGUARD).rule(UfwRule.HTTPS).enable(true).build();
 * ufw.dryRun().forEach(System.out::println);
 * ufw.apply(runner);       // adds only what ufw does not have yet; SSH always comes before enabling
 * }</pre>
 */
public final class Ufw {
    private final List<UfwRule> rules;
    private final boolean enable;
    private final boolean sudo;

    private Ufw(Builder builder) {
        rules = List.copyOf(builder.rules);
        enable = builder.enable;
        sudo = builder.sudo;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the rules to add, in order, each once} */
    public List<UfwRule> rules() {
        return rules;
    }

    /**
     * Reads what ufw has: {@code ufw status}, and {@code ufw show added} when ufw is inactive. Changes nothing.
     *
     * @param runner where ufw runs (this machine or the host over SSH)
     * @return whether ufw is active, and its allow rules
     * @throws io.github.rngops.he300.core.command.CommandException if ufw is missing or fails
     * @throws NetException if its output cannot be read
     */
    public UfwStatus status(CommandRunner runner) {
        UfwStatus status = UfwStatus.parseStatus(runner.runChecked(command("status")).stdout());
        if (status.active()) {
            return status;
        }
        return UfwStatus.parseAdded(false, runner.runChecked(command("show", "added")).stdout());
    }

    /** {@return the commands apply may run, in full} */
    public List<String> dryRun() {
        List<String> lines = new ArrayList<>();
        lines.add(command("status").displayLine() + "  # and ufw show added when inactive: rules already there are"
                + " skipped");
        rules.forEach(rule -> lines.add(command(rule.args().toArray(String[]::new)).displayLine()));
        if (enable) {
            lines.add(command("--force", "enable").displayLine() + "  # only if inactive");
        }
        return lines;
    }

    /**
     * Adds the rules ufw does not have, then enables it if asked and inactive. Running it again changes nothing.
     *
     * @param runner where ufw runs (this machine or the host over SSH)
     * @return the commands that changed something, in order; empty when all was in place
     * @throws io.github.rngops.he300.core.command.CommandException if a ufw command fails (the rules added before
     *     it stay)
     * @throws NetException if ufw's output cannot be read
     */
    public List<Command> apply(CommandRunner runner) {
        UfwStatus status = status(runner);
        List<Command> ran = new ArrayList<>();
        for (UfwRule rule : rules) {
            if (!status.has(rule)) {
                Command add = command(rule.args().toArray(String[]::new));
                runner.runChecked(add);
                ran.add(add);
            }
        }
        if (enable && !status.active()) {
            Command on = command("--force", "enable");
            runner.runChecked(on);
            ran.add(on);
        }
        return ran;
    }

    private Command command(String... args) {
        return Command.builder("ufw").args(args).sudo(sudo).build();
    }

    /** Makes a {@link Ufw}. */
    public static final class Builder {
        private final Set<UfwRule> rules = new LinkedHashSet<>();
        private boolean enable;
        private boolean sudo = true;

        private Builder() {}

        /**
         * Adds a rule; adding an equal one again changes nothing.
         *
         * @param rule a rule such as {@link UfwRule#SSH} or {@link UfwRule#HTTPS}
         * @return this builder
         */
        public Builder rule(UfwRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Sets whether ufw is enabled after the rules are added; off by default. {@link #build()} refuses it without
         * a rule for 22/tcp, such as {@link UfwRule#SSH}.
         *
         * @param enable whether to run {@code ufw --force enable} when ufw is inactive
         * @return this builder
         */
        public Builder enable(boolean enable) {
            this.enable = enable;
            return this;
        }

        /**
         * Sets whether ufw runs as root; true by default (a runner that is root runs it as it is).
         *
         * @param sudo whether the commands are marked {@code sudo}
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * {@return the {@link Ufw} these settings describe}
         *
         * @throws NetException if ufw is to be enabled without a rule for SSH (22/tcp), which would lock the
         *     installer's connection out
         */
        public Ufw build() {
            if (enable && rules.stream().noneMatch(rule -> rule.port() == 22 && rule.protocol().equals("tcp"))) {
                throw NetException.invalid("ufw", "enabling ufw without a rule for SSH (22/tcp) would lock this"
                        + " connection out: add UfwRule.SSH");
            }
            return new Ufw(this);
        }
    }
}
