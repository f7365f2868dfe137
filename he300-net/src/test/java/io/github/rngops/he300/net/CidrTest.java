package io.github.rngops.he300.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void keepsHostBitsOfAnInterfaceAddress() {
        Cidr cidr = Cidr.parse("Address", "10.0.0.2/24");

        assertThat(cidr).hasToString("10.0.0.2/24");
        assertThat(cidr.isNetwork()).isFalse();
        assertThat(cidr.network()).hasToString("10.0.0.0/24");
        assertThat(cidr.host()).hasToString("10.0.0.2/32");
        assertThat(cidr.size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(Cidr.text(cidr.network().at(BigInteger.valueOf(200)))).isEqualTo("10.0.0.200");
    }

    @Test
    void writesIpv6InItsShortForm() {
        assertThat(Cidr.parse("a", "2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1/128");
        assertThat(Cidr.parseNetwork("a", "fd00:0:0:1::/64")).hasToString("fd00:0:0:1::/64");
        assertThat(Cidr.parse("a", "::/0")).hasToString("::/0");
        assertThat(Cidr.parse("a", "fd7a:115c:a1e0::6701:6667")).hasToString("fd7a:115c:a1e0::6701:6667/128");
        assertThat(Cidr.parse("a", "1:0:0:2:0:0:0:3")).hasToString("1:0:0:2::3/128");
    }

    @Test
    void neverLooksANameUp() {
        assertThatThrownBy(() -> Cidr.parse("allowlist[0]", "localhost")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("allowlist[0]", "abc:def")).hasMessageContaining("is not an IP address");
    }
}
