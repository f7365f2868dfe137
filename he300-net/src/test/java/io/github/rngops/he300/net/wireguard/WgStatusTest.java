package io.github.rngops.he300.net.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WgStatusTest {
    // Captured from `wg show wgpa dump` on wireguard-go (keys regenerated; the private key column replaced).
    private static final String DUMP = String.join("\n",
            "PRIVATEKEYNOTKEPTPRIVATEKEYNOTKEPTPRIVATEKE=\t9bAY2Yjf9ay2RfNX+qOxNXJo8izNuOFM9NxTGAsNMnw=\t51820\toff",
            "/Y2gd+VLVZYBTbiZyg7NSiHB1DkFXTkz+olBUcmSNm4=\t(none)\t192.168.77.2:51821\t10.0.0.2/32\t1795874358\t1180\t1368\t25",
            "kEzwKLiWrQ6DSc37evK+/d17MRFIL3fwu8+IECvTDFk=\t(hidden)\t(none)\t10.0.0.3/32,fd00::3/128\t0\t0\t148\toff",
            "nD5FqE2oWcwQYWB6i0JFbNsxZOGTNXhgCW4XE2xB/xk=\t(none)\t[2001:db8::7]:40000\t10.0.0.4/32\t1795874000\t10\t20\t25",
            "");

    @Test
    void readsTheInterfaceAndEveryPeer() {
        WgStatus status = WgStatus.parseDump("wgpa", DUMP);

        assertThat(status.publicKey().base64()).isEqualTo("9bAY2Yjf9ay2RfNX+qOxNXJo8izNuOFM9NxTGAsNMnw=");
        assertThat(status.listenPort()).isEqualTo(51820);
        assertThat(status.peers()).hasSize(3);
        WgStatus.Peer first = status.peers().get(0);
        assertThat(first.endpoint()).hasValue("192.168.77.2:51821");
        assertThat(first.allowedIps()).containsExactly("10.0.0.2/32");
        assertThat(first.latestHandshake()).hasValue(Instant.ofEpochSecond(1795874358));
        assertThat(first.rxBytes()).isEqualTo(1180);
        assertThat(first.txBytes()).isEqualTo(1368);
        assertThat(first.persistentKeepalive()).hasValue(25);
        assertThat(first.hasPresharedKey()).isFalse();
        WgStatus.Peer second = status.peers().get(1);
        assertThat(second.hasPresharedKey()).isTrue();
        assertThat(second.endpoint()).isEmpty();
        assertThat(second.latestHandshake()).isEmpty();
        assertThat(second.allowedIps()).containsExactly("10.0.0.3/32", "fd00::3/128");
        assertThat(second.persistentKeepalive()).isEmpty();
        assertThat(status.toString()).doesNotContain("PRIVATEKEY");
    }

    @Test
    void judgesEachPeerByTheInjectedClock() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1795874358 + 60), ZoneOffset.UTC);

        assertThat(WgStatus.parseDump("wgpa", DUMP).health(clock, Duration.ofMinutes(3)))
                .containsExactly(WgStatus.Health.HEALTHY, WgStatus.Health.NO_HANDSHAKE, WgStatus.Health.STALE);
        assertThat(WgStatus.parseDump("wgpa", DUMP).health(clock, Duration.ofMinutes(10)))
                .containsExactly(WgStatus.Health.HEALTHY, WgStatus.Health.NO_HANDSHAKE, WgStatus.Health.HEALTHY);
    }

    @Test
    void readsTheAllInterfacesForm() {
        String all = DUMP.lines().map(line -> "wg1\t" + line).collect(java.util.stream.Collectors.joining("\n"))
                + "\nother\tPRIVATE\t9bAY2Yjf9ay2RfNX+qOxNXJo8izNuOFM9NxTGAsNMnw=\t1\toff\n";

        assertThat(WgStatus.parseDump("wg1", all).peers()).hasSize(3);
    }

    @Test
    void refusesOutputItCannotRead() {
        assertThatThrownBy(() -> WgStatus.parseDump("wg0", ""))
                .hasMessageContaining("the output is empty: is the interface up?");
        assertThatThrownBy(() -> WgStatus.parseDump("wg0", DUMP.replace("\t1180\t", "\tlots\t")))
                .hasMessageContaining("(line 2): rx bytes 'lots' is not a number");
    }
}
