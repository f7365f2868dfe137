package io.github.rngops.he300.net.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistTest {

    @Test
    void normalisesAndDeduplicates() {
        Allowlist allowlist = Allowlist.parse(List.of("140.82.112.0/20", "2001:DB8:0:0::/32", "203.0.113.50",
                "10.0.0.0/24", "10.0.0.0/24", "2001:db8::1"));

        assertThat(allowlist.networks()).extracting(Cidr::toString).containsExactly("140.82.112.0/20",
                "2001:db8::/32", "203.0.113.50/32", "10.0.0.0/24", "2001:db8::1/128");
        assertThat(allowlist.ipv4()).hasSize(3);
        assertThat(allowlist.ipv6()).hasSize(2);
    }

    @Test
    void refusesHostBitsOfferingBothReadings() {
        assertThatThrownBy(() -> Allowlist.of("10.0.0.0/24", "10.0.0.7/24"))
                .isInstanceOf(NetException.class)
                .hasMessage("allowlist[1]: '10.0.0.7/24' has host bits set below its /24: write the network"
                        + " 10.0.0.0/24 or the single host 10.0.0.7/32")
                .satisfies(e -> assertThat(((NetException) e).field()).isEqualTo("allowlist[1]"));
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad : List.of("example.com", "10.0.0.256/32", "010.0.0.1", "10.0.0.0/33", "fd00::/129",
                "fe80::1%eth0", "", "10.0.0.0/", "1.2.3")) {
            assertThatThrownBy(() -> Allowlist.of(bad)).as(bad).isInstanceOf(NetException.class)
                    .hasMessageStartingWith("allowlist[0]: ");
        }
    }
}
