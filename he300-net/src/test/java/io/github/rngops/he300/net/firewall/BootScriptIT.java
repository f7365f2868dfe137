package io.github.rngops.he300.net.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot script for real, as {@link HostInputRulesIT} does it: a "host" namespace with a listener and a client
 * namespace joined by a veth pair. The rules are applied, every chain flushed and deleted (what a reboot leaves),
 * the script run: the same rules are back and the client is let through or dropped as before; a second run changes
 * nothing ({@code iptables -S} identical).
 */
class BootScriptIT {
    @TempDir
    Path dir;

    private ListenerBehindVeth pair;
    private CommandRunner onHost;

    @BeforeEach
    void namespaces() throws Exception {
        pair = ListenerBehindVeth.start("bo", "bc", "10.79.0");
        onHost = pair.onHost();
    }

    @AfterEach
    void removeNamespaces() {
        if (pair != null) {
            pair.close();
        }
    }

    /** The steps direct mode with https applies: 443 (here 8443) in INPUT, published ports in DOCKER-USER. */
    private static List<Step> steps(String... allowlist) {
        List<Step> steps = new ArrayList<>(HostInputRules.builder().allowlist(Allowlist.of(allowlist)).ports(8443)
                .sudo(false).build().steps());
        steps.addAll(DockerUserRules.builder().allowlist(new Allowlist(List.of())).ports(8000, 5432).sudo(false)
                .build().steps());
        return steps;
    }

    private String everything() {
        return onHost.runChecked(Command.of("iptables", "-S")).stdout() + onHost.runChecked(Command.of("ip6tables",
                "-S")).stdout();
    }

    private void reboot() {
        for (String tool : List.of("iptables", "ip6tables")) {
            onHost.runChecked(Command.of(tool, "-F"));
            onHost.runChecked(Command.of(tool, "-X"));
        }
        assertThat(everything()).doesNotContain("HE300");
    }

    private String runScript(Path script) {
        return onHost.runChecked(Command.of("sh", script.toString())).stdout();
    }

    @Test
    void theScriptPutsTheRulesBackAfterAReboot() throws Exception {
        for (boolean allowed : new boolean[] {true, false}) {
            List<Step> steps = steps(allowed ? "10.79.0.0/24" : "198.51.100.0/24", "2001:db8::/32");
            Path script = Files.writeString(dir.resolve("he300-firewall-" + allowed), BootScript.render(
                    "he300 firewall", steps));
            steps.forEach(step -> step.run(onHost));
            String applied = everything();
            CommandResult before = pair.get();

            reboot();
            runScript(script);

            assertThat(everything()).as("the same rules as the apply made").isEqualTo(applied);
            CommandResult after = pair.get();
            if (allowed) {
                assertThat(after.stdout()).isEqualTo("200").isEqualTo(before.stdout());
            } else {
                assertThat(before.exitCode()).as("dropped: no answer at all").isEqualTo(28);
                assertThat(after.exitCode()).as(after.stderr()).isEqualTo(28);
            }
            runScript(script);
            assertThat(everything()).as("a second run changes nothing").isEqualTo(applied);
            reboot();
        }
    }

    @Test
    void everyWordIsQuotedAndNoSudo() {
        String script = BootScript.render("he300 firewall", steps("10.0.0.0/24"));

        assertThat(script).startsWith("#!/bin/sh\n# he300 firewall\n").contains("\nset -e\n")
                .contains("'iptables' '-w' '-C' 'INPUT' '-j' 'HE300-INPUT' >/dev/null 2>&1 || 'iptables' '-w' '-I'"
                        + " 'INPUT' '1' '-j' 'HE300-INPUT'\n")
                .contains("'ip6tables' '-w' '-n' '-L' 'DOCKER-USER' >/dev/null 2>&1 || 'ip6tables' '-w' '-N'"
                        + " 'DOCKER-USER'\n")
                .doesNotContain("sudo");
    }
}
