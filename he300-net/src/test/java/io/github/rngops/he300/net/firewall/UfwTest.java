package io.github.rngops.he300.net.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.FakeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class UfwTest {
    // Captured shapes of ufw 0.36 (Debian 12 / Ubuntu 22.04).
    private static final String ACTIVE = """
            Status: active

            To                         Action      From
            --                         ------      ----
            22/tcp                     ALLOW       Anywhere
            443/tcp                    ALLOW       203.0.113.0/24
            8000                       DENY        Anywhere
            22/tcp (v6)                ALLOW       Anywhere (v6)
            """;
    private static final String INACTIVE = "Status: inactive\n";
    private static final String ADDED = """
            Added user rules (see 'ufw status' for running firewall):
            ufw allow 22/tcp
            ufw allow 51820/udp
            ufw allow from 203.0.113.0/24 to any port 443 proto tcp
            """;

    private final UfwRule httpsFromOffice = UfwRule.allowFrom(Cidr.parseNetwork("office", "203.0.113.0/24"), 443, "tcp");
    private final Ufw ufw = Ufw.builder().rule(UfwRule.SSH).rule(UfwRule.WIREGUARD).rule(httpsFromOffice)
            .enable(true).sudo(false).build();

    @Test
    void readsTheActiveTable() {
        UfwStatus status = UfwStatus.parseStatus(ACTIVE);

        assertThat(status.active()).isTrue();
        assertThat(status.allowed()).containsExactly(UfwRule.SSH, httpsFromOffice);
    }

    @Test
    void readsAddedRulesWhenInactive() {
        assertThat(UfwStatus.parseAdded(false, ADDED).allowed())
                .containsExactly(UfwRule.SSH, UfwRule.WIREGUARD, httpsFromOffice);
    }

    @Test
    void addsOnlyMissingRulesToAnActiveUfw() {
        FakeRunner runner = new FakeRunner().answer(List.of("ufw", "status"), 0, ACTIVE);

        ufw.apply(runner);

        assertThat(runner.argvs()).containsExactly("ufw status", "ufw allow 51820/udp");
    }

    @Test
    void aSecondApplyAddsNothing() {
        FakeRunner runner = new FakeRunner().answer(List.of("ufw", "status"), 0, INACTIVE)
                .answer(List.of("ufw", "show", "added"), 0, "Added user rules (see 'ufw status' for running firewall):\n"
                        + "(None)\n");

        ufw.apply(runner);
        assertThat(runner.argvs()).containsExactly("ufw status", "ufw show added", "ufw allow 22/tcp",
                "ufw allow 51820/udp", "ufw allow from 203.0.113.0/24 to any port 443 proto tcp", "ufw --force enable");

        FakeRunner second = new FakeRunner().answer(List.of("ufw", "status"), 0, "Status: active\n\nTo Action From\n-- ------ ----\n"
                        + "22/tcp ALLOW Anywhere\n51820/udp ALLOW Anywhere\n443/tcp ALLOW 203.0.113.0/24\n");
        ufw.apply(second);
        assertThat(second.argvs()).containsExactly("ufw status");
    }

    @Test
    void dryRunShowsEveryCommand() {
        assertThat(ufw.dryRun()).containsExactly(
                "'ufw' 'status'  # and ufw show added when inactive: rules already there are skipped",
                "'ufw' 'allow' '22/tcp'", "'ufw' 'allow' '51820/udp'",
                "'ufw' 'allow' 'from' '203.0.113.0/24' 'to' 'any' 'port' '443' 'proto' 'tcp'",
                "'ufw' '--force' 'enable'  # only if inactive");
    }

    @Test
    void refusesToEnableWithoutSsh() {
        assertThatThrownBy(() -> Ufw.builder().rule(UfwRule.HTTPS).enable(true).build())
                .hasMessageContaining("lock this connection out");
    }
}
