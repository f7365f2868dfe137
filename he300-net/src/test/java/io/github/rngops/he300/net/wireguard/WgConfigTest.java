package io.github.rngops.he300.net.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.net.NetException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class WgConfigTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final WgKey hostKey = WgKey.generatePrivate(RANDOM);
    private final WgKey runnerKey = WgKey.generatePrivate(RANDOM);

    @Test
    void rendersTheSeedsTwoEnds() {
        WgTopology topology = WgTopology.builder().hostPublicKey(hostKey.publicKey())
                .hostEndpoint("gpu-host.example.com").runner("Test Runner", runnerKey.publicKey()).build();

        assertThat(topology.hostConfig(hostKey).render()).isEqualTo("""
                [Interface]
                PrivateKey = %s
                Address = 10.0.0.2/24
                ListenPort = 51820

                [Peer]
                # Test Runner
                PublicKey = %s
                AllowedIPs = 10.0.0.1/32
                PersistentKeepalive = 25
                """.formatted(hostKey.base64(), runnerKey.publicKey().base64()));
        assertThat(topology.runnerConfig("Test Runner", runnerKey).render()).isEqualTo("""
                [Interface]
                PrivateKey = %s
                Address = 10.0.0.1/24

                [Peer]
                # GPU host
                PublicKey = %s
                AllowedIPs = 10.0.0.2/32
                Endpoint = gpu-host.example.com:51820
                PersistentKeepalive = 25
                """.formatted(runnerKey.base64(), hostKey.publicKey().base64()));
    }

    @Test
    void allocatesAddressesForManyRunnersWithPresharedKeys() {
        WgTopology.Builder builder = WgTopology.builder().hostPublicKey(hostKey.publicKey()).hostEndpoint("203.0.113.9");
        for (int i = 1; i <= 4; i++) {
            builder.runner("runner-" + i, WgKey.generatePrivate(RANDOM).publicKey());
        }
        builder.runner("fixed", WgKey.generatePrivate(RANDOM).publicKey(), "10.0.0.200", "198.51.100.7:51820");
        WgTopology topology = builder.build().withPresharedKeys(RANDOM);

        WgConfig host = topology.hostConfig(hostKey);

        assertThat(host.peers()).extracting(peer -> peer.allowedIps().toString())
                .containsExactly("[10.0.0.1/32]", "[10.0.0.3/32]", "[10.0.0.4/32]", "[10.0.0.5/32]", "[10.0.0.200/32]");
        assertThat(host.peers()).allSatisfy(peer -> assertThat(peer.presharedKey()).isPresent());
        assertThat(host.peers().get(4).endpoint()).hasValueSatisfying(e -> assertThat(e).hasToString("198.51.100.7:51820"));
        assertThat(WgConfig.parse(host.render())).isEqualTo(host);
    }

    @Test
    void roundTripsEveryKey() {
        WgConfig config = new WgConfig(
                WgInterface.builder().privateKey(hostKey).address("10.0.0.2/24", "fd00:0:0::2/64").listenPort(51820)
                        .dns("1.1.1.1", "fd00::53", "corp.example").mtu(1420).table("off")
                        .preUp("echo pre-up").postUp("iptables -A FORWARD -i %i -j ACCEPT").preDown("true")
                        .postDown("iptables -D FORWARD -i %i -j ACCEPT").saveConfig(true).build(),
                List.of(WgPeer.builder().name("runner one").publicKey(runnerKey.publicKey())
                                .presharedKey(WgKey.generatePreshared(RANDOM)).allowedIps("10.0.0.1/32", "fd00::1/128")
                                .endpoint("[2001:db8::1]:51820").persistentKeepalive(25).build(),
                        WgPeer.builder().publicKey(WgKey.generatePrivate(RANDOM).publicKey()).allowedIps("10.0.1.0/24")
                                .build()));

        String text = config.render();

        assertThat(WgConfig.parse(text)).isEqualTo(config);
        assertThat(text).contains("Address = 10.0.0.2/24, fd00::2/64\n", "Endpoint = [2001:db8::1]:51820\n");
    }

    @Test
    void readsHandWrittenConfigsAsWgQuickDoes() {
        String text = """
                # GPU Host: /etc/wireguard/wg0.conf
                [interface]
                privatekey = %s   # inline comment
                Address = 10.0.0.2/24
                Address = fd00::2/64
                LISTENPORT=51820

                [Peer]
                # Test Runner (GitHub self-hosted or CI server)
                PublicKey = %s
                AllowedIPs = 10.0.0.1/32
                PersistentKeepalive = off
                """.formatted(hostKey.base64(), runnerKey.publicKey().base64());

        WgConfig config = WgConfig.parse(text);

        assertThat(config.iface().addresses()).hasSize(2);
        assertThat(config.iface().listenPort()).hasValue(51820);
        assertThat(config.peers().get(0).name()).hasValue("Test Runner (GitHub self-hosted or CI server)");
        assertThat(config.peers().get(0).persistentKeepalive()).isEmpty();
    }

    @Test
    void masksKeysInToString() {
        WgConfig config = WgConfig.parse("[Interface]\nPrivateKey = " + hostKey.base64() + "\nAddress = 10.0.0.2/24\n"
                + "[Peer]\nPublicKey = " + runnerKey.publicKey().base64() + "\nPresharedKey = "
                + WgKey.generatePreshared(RANDOM).base64() + "\n");

        assertThat(config.toString()).doesNotContain(hostKey.base64()).contains("PrivateKey = ****",
                "PresharedKey = ****", runnerKey.publicKey().base64());
    }

    @Test
    void refusesInvalidValuesNamingTheField() {
        assertThatThrownBy(() -> WgInterface.builder().address("10.0.0.300/24"))
                .isInstanceOf(NetException.class).hasMessageStartingWith("Interface.Address: '10.0.0.300/24'");
        assertThatThrownBy(() -> WgInterface.builder().address("10.0.0.2/33"))
                .hasMessageStartingWith("Interface.Address: '10.0.0.2/33' has prefix length '33'");
        assertThatThrownBy(() -> WgInterface.builder().listenPort(70000))
                .hasMessageStartingWith("Interface.ListenPort: port 70000 is out of range");
        assertThatThrownBy(() -> WgInterface.builder().listenPort(0)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> WgPeer.builder().allowedIps("10.0.0.7/24"))
                .hasMessage("Peer.AllowedIPs: '10.0.0.7/24' has host bits set below its /24: write the network"
                        + " 10.0.0.0/24 or the single host 10.0.0.7/32");
        assertThatThrownBy(() -> WgPeer.builder().publicKey("not-a-key"))
                .hasMessageStartingWith("Peer.PublicKey: 'not-a-key' is not a WireGuard key");
        assertThatThrownBy(() -> WgPeer.builder().publicKey(hostKey))
                .hasMessageContaining("never put a private key in a [Peer] section");
        assertThatThrownBy(() -> WgPeer.builder().endpoint("gpu-host:0")).hasMessageContaining("Peer.Endpoint");
        assertThatThrownBy(() -> WgPeer.builder().endpoint("fd00::1:51820")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> InterfaceName.of("wg0; rm -rf /"))
                .hasMessageStartingWith("interface name: 'wg0; rm -rf /' is refused by wg-quick");
        assertThatThrownBy(() -> InterfaceName.of("a-very-long-name0")).hasMessageContaining("1 to 15");
    }

    @Test
    void refusesBadFilesNamingLineAndField() {
        String base = "[Interface]\nPrivateKey = " + hostKey.base64() + "\nAddress = 10.0.0.2/24\n";

        assertThatThrownBy(() -> WgConfig.parse(base + "ListenPort = 99999\n"))
                .hasMessage("Interface.ListenPort: line 4: port 99999 is out of range: use 1..65535");
        assertThatThrownBy(() -> WgConfig.parse(base + "Foo = 1\n"))
                .hasMessageStartingWith("Interface.Foo: line 4: unknown key");
        assertThatThrownBy(() -> WgConfig.parse(base + "[Peer]\nAllowedIPs = 10.0.0.1/32\n"))
                .hasMessageContaining("Peer.PublicKey").hasMessageContaining("is missing");
        assertThatThrownBy(() -> WgConfig.parse("Address = 10.0.0.2/24\n"))
                .hasMessageContaining("comes before any [Interface] or [Peer] section");
        assertThatThrownBy(() -> WgConfig.parse(base.replace(hostKey.base64(), hostKey.base64().substring(2))))
                .hasMessageStartingWith("Interface.PrivateKey: line 2:")
                .hasMessageNotContaining(hostKey.base64().substring(2));
    }
}
