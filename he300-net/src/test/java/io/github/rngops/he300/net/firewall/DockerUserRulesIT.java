package io.github.rngops.he300.net.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.Namespaces;
import io.github.rngops.he300.net.RealTools;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real iptables and ip6tables in a throwaway network namespace with a DOCKER-USER chain like Docker's. */
class DockerUserRulesIT {
    private Namespaces namespaces;
    private CommandRunner inside;

    @BeforeEach
    void namespace() {
        RealTools.requireRoot();
        RealTools.require("ip", "iptables", "ip6tables");
        namespaces = new Namespaces();
        inside = namespaces.runner(namespaces.create("fw"));
        // What Docker (before 28) leaves in DOCKER-USER: a RETURN that rules appended after would never reach.
        inside.runChecked(Command.of("iptables", "-N", "DOCKER-USER"));
        inside.runChecked(Command.of("iptables", "-A", "DOCKER-USER", "-j", "RETURN"));
    }

    @AfterEach
    void removeNamespace() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    private DockerUserRules rules(String... allowlist) {
        return DockerUserRules.builder().allowlist(Allowlist.of(allowlist)).ports(8000, 8080).inInterface("eth0")
                .build();
    }

    private List<String> listing(String tool, String chain) {
        return inside.runChecked(Command.of(tool, "-S", chain)).stdout().lines().toList();
    }

    @Test
    void applyingTwiceAddsNothing() {
        DockerUserRules rules = rules("140.82.112.0/20", "10.0.0.0/24", "2001:db8::/32");

        assertThat(rules.apply(inside)).contains(Step.Outcome.CHANGED);
        List<Step.Outcome> second = rules.apply(inside);

        assertThat(second).containsOnly(Step.Outcome.ALREADY_THERE);
        assertThat(listing("iptables", "DOCKER-USER")).containsExactly("-N DOCKER-USER",
                "-A DOCKER-USER -j HE300-ALLOW", "-A DOCKER-USER -j RETURN");
        assertThat(listing("iptables", "HE300-ALLOW")).containsExactly(
                "-N HE300-ALLOW",
                "-A HE300-ALLOW -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                "-A HE300-ALLOW -s 140.82.112.0/20 -p tcp -m conntrack --ctorigdstport 8000 --ctdir ORIGINAL -j RETURN",
                "-A HE300-ALLOW -s 140.82.112.0/20 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN",
                "-A HE300-ALLOW -s 10.0.0.0/24 -p tcp -m conntrack --ctorigdstport 8000 --ctdir ORIGINAL -j RETURN",
                "-A HE300-ALLOW -s 10.0.0.0/24 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN",
                "-A HE300-ALLOW -i eth0 -p tcp -m conntrack --ctstate DNAT --ctorigdstport 8000 --ctdir ORIGINAL -j DROP",
                "-A HE300-ALLOW -i eth0 -p tcp -m conntrack --ctstate DNAT --ctorigdstport 8080 --ctdir ORIGINAL -j DROP");
        assertThat(listing("ip6tables", "HE300-ALLOW")).hasSize(6)
                .contains("-A HE300-ALLOW -s 2001:db8::/32 -p tcp -m conntrack --ctorigdstport 8000 --ctdir ORIGINAL"
                        + " -j RETURN");
        assertThat(listing("ip6tables", "DOCKER-USER")).containsExactly("-N DOCKER-USER",
                "-A DOCKER-USER -j HE300-ALLOW");
    }

    @Test
    void aChangedAllowlistReplacesTheOldEntriesInOrder() {
        rules("140.82.112.0/20", "10.0.0.0/24").apply(inside);

        rules("10.0.0.0/24", "198.51.100.0/24").apply(inside);

        List<String> chain = listing("iptables", "HE300-ALLOW");
        assertThat(chain).noneMatch(line -> line.contains("140.82.112.0/20"));
        assertThat(chain).hasSize(8);
        assertThat(chain.indexOf(chain.stream().filter(l -> l.contains("198.51.100.0/24")).findFirst().orElseThrow()))
                .isLessThan(chain.indexOf(chain.stream().filter(l -> l.contains("DROP")).findFirst().orElseThrow()));
        assertThat(rules("10.0.0.0/24", "198.51.100.0/24").apply(inside)).containsOnly(Step.Outcome.ALREADY_THERE);
    }

    @Test
    void dryRunShowsEveryCommandInFull() {
        List<String> plan = rules("10.0.0.0/24").dryRun();

        assertThat(plan).contains(
                "sudo -n -- 'iptables' '-w' '-C' 'DOCKER-USER' '-j' 'HE300-ALLOW' || sudo -n -- 'iptables' '-w' '-I'"
                        + " 'DOCKER-USER' '1' '-j' 'HE300-ALLOW'",
                "sudo -n -- 'iptables' '-w' '-C' 'HE300-ALLOW' '-s' '10.0.0.0/24' '-p' 'tcp' '-m' 'conntrack'"
                        + " '--ctorigdstport' '8000' '--ctdir' 'ORIGINAL' '-j' 'RETURN' || sudo -n -- 'iptables' '-w'"
                        + " '-I' 'HE300-ALLOW' '2' '-s' '10.0.0.0/24' '-p' 'tcp' '-m' 'conntrack' '--ctorigdstport'"
                        + " '8000' '--ctdir' 'ORIGINAL' '-j' 'RETURN'");
        assertThat(plan.get(plan.size() - 1)).startsWith("sudo -n -- 'ip6tables' '-w' '-S' 'HE300-ALLOW'");
    }
}
