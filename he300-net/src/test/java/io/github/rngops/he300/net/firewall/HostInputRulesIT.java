package io.github.rngops.he300.net.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real iptables and ip6tables in a throwaway "host" namespace, and a client namespace joined to it by a veth pair:
 * the client reaches a listener on the host's port only while its network is in the allowlist.
 */
class HostInputRulesIT {
    private ListenerBehindVeth pair;
    private CommandRunner onHost;

    @BeforeEach
    void namespaces() throws Exception {
        pair = ListenerBehindVeth.start("in", "cl", "10.78.0");
        onHost = pair.onHost();
    }

    @AfterEach
    void removeNamespaces() {
        if (pair != null) {
            pair.close();
        }
    }

    private HostInputRules rules(String... allowlist) {
        return HostInputRules.builder().allowlist(Allowlist.of(allowlist)).ports(8443).sudo(false).build();
    }

    private List<String> listing(String tool) {
        return onHost.runChecked(Command.of(tool, "-S", "HE300-INPUT")).stdout().lines().toList();
    }

    @Test
    void onlyTheAllowedNetworkGetsThrough() {
        assertThat(pair.get().stdout()).as("no rules yet").isEqualTo("200");

        assertThat(rules("10.78.0.0/24", "2001:db8::/32").apply(onHost)).contains(Step.Outcome.CHANGED);
        assertThat(pair.get().stdout()).isEqualTo("200");
        assertThat(rules("10.78.0.0/24", "2001:db8::/32").apply(onHost)).containsOnly(Step.Outcome.ALREADY_THERE);
        assertThat(listing("iptables")).containsExactly("-N HE300-INPUT", "-A HE300-INPUT -i lo -j RETURN",
                "-A HE300-INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-A HE300-INPUT -s 10.78.0.0/24 -p tcp -m tcp --dport 8443 -j RETURN",
                "-A HE300-INPUT -p tcp -m tcp --dport 8443 -j DROP");
        assertThat(listing("ip6tables")).contains("-A HE300-INPUT -s 2001:db8::/32 -p tcp -m tcp --dport 8443 -j RETURN");
        assertThat(onHost.runChecked(Command.of("iptables", "-S", "INPUT")).stdout().lines())
                .containsExactly("-P INPUT ACCEPT", "-A INPUT -j HE300-INPUT");

        // another allowlist: the old entry is deleted, so the client is dropped (curl times out: no answer at all)
        rules("198.51.100.0/24").apply(onHost);
        CommandResult dropped = pair.get();
        assertThat(dropped.exitCode()).as(dropped.stderr()).isEqualTo(28);
        assertThat(listing("iptables")).noneMatch(line -> line.contains("10.78.0.0/24")).hasSize(5);
        assertThat(listing("ip6tables")).noneMatch(line -> line.contains("2001:db8::/32"));
        CommandResult local = onHost.run(Command.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "5", "http://127.0.0.1:8443/"));
        assertThat(local.stdout()).as("loopback always passes").isEqualTo("200");
    }

    @Test
    void dryRunShowsEveryCommandInFull() {
        List<String> plan = HostInputRules.builder().allowlist(Allowlist.of("10.0.0.0/24")).ports(443).build()
                .dryRun();

        assertThat(plan).contains("sudo -n -- 'iptables' '-w' '-C' 'INPUT' '-j' 'HE300-INPUT' || sudo -n --"
                + " 'iptables' '-w' '-I' 'INPUT' '1' '-j' 'HE300-INPUT'",
                "sudo -n -- 'iptables' '-w' '-C' 'HE300-INPUT' '-s' '10.0.0.0/24' '-p' 'tcp' '-m' 'tcp' '--dport' '443'"
                        + " '-j' 'RETURN' || sudo -n -- 'iptables' '-w' '-I' 'HE300-INPUT' '3' '-s' '10.0.0.0/24' '-p'"
                        + " 'tcp' '-m' 'tcp' '--dport' '443' '-j' 'RETURN'");
        assertThat(plan.get(plan.size() - 1)).startsWith("sudo -n -- 'ip6tables' '-w' '-S' 'HE300-INPUT'");
    }
}
