package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.Cidr;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A wg-quick config file: one {@code [Interface]} and its {@code [Peer]}s. {@link #render()} writes the file,
 * {@link #parse(String)} reads one back (every key HOST.md lists, keys case-insensitive as wg-quick reads them);
 * either way every value has been checked, so nothing invalid reaches a host.
 *
 * <pre>{@code
 * WgConfig config = new WgConfig(
 *         WgInterface.builder().privateKey(hostKey).address("10.0.0.2/24").listenPort(51820).build(),
 *         List.of(WgPeer.builder().publicKey(runnerPublic).allowedIps("10.0.0.1/32").persistentKeepalive(25).build()));
 * String file = config.render();       // holds the private key: install it with mode 0600
 * }</pre>
 *
 * <p>{@link #toString()} renders with the private and preshared keys masked.
 *
 * @param iface the {@code [Interface]} section
 * @param peers the {@code [Peer]} sections, in order
 */
public record WgConfig(WgInterface iface, List<WgPeer> peers) {
    private static final String MASK = "****";

    /**
     * Copies the peers.
     *
     * @param iface the {@code [Interface]} section
     * @param peers the {@code [Peer]} sections, in order
     */
    public WgConfig {
        Objects.requireNonNull(iface, "iface");
        peers = List.copyOf(peers);
    }

    /**
     * Reads a wg-quick config, checking every value as the builders do; unknown keys are refused, and a comment line
     * right after {@code [Peer]} becomes the peer's {@link WgPeer#name() name}.
     *
     * @param text the file's text
     * @return the config
     * @throws io.github.rngops.he300.net.NetException naming the line and the field of the first problem (a
     *     private key's value is never repeated)
     */
    public static WgConfig parse(String text) {
        return WgConfigParser.parse(text);
    }

    /** {@return the file's text, with the real keys} */
    public String render() {
        return render(WgKey::base64);
    }

    /** The file's text with private and preshared keys shown as {@code ****}. */
    @Override
    public String toString() {
        return render(key -> key.kind() == WgKey.Kind.PUBLIC ? key.base64() : MASK);
    }

    private String render(Function<WgKey, String> keys) {
        StringBuilder out = new StringBuilder("[Interface]\n");
        line(out, "PrivateKey", keys.apply(iface.privateKey()));
        line(out, "Address", join(iface.addresses()));
        iface.listenPort().ifPresent(port -> line(out, "ListenPort", Integer.toString(port)));
        if (!iface.dns().isEmpty()) {
            line(out, "DNS", String.join(", ", iface.dns()));
        }
        iface.mtu().ifPresent(mtu -> line(out, "MTU", Integer.toString(mtu)));
        iface.table().ifPresent(table -> line(out, "Table", table));
        iface.preUp().forEach(command -> line(out, "PreUp", command));
        iface.postUp().forEach(command -> line(out, "PostUp", command));
        iface.preDown().forEach(command -> line(out, "PreDown", command));
        iface.postDown().forEach(command -> line(out, "PostDown", command));
        if (iface.saveConfig()) {
            line(out, "SaveConfig", "true");
        }
        for (WgPeer peer : peers) {
            out.append("\n[Peer]\n");
            peer.name().ifPresent(name -> out.append("# ").append(name).append('\n'));
            line(out, "PublicKey", keys.apply(peer.publicKey()));
            peer.presharedKey().ifPresent(key -> line(out, "PresharedKey", keys.apply(key)));
            if (!peer.allowedIps().isEmpty()) {
                line(out, "AllowedIPs", join(peer.allowedIps()));
            }
            peer.endpoint().ifPresent(endpoint -> line(out, "Endpoint", endpoint.toString()));
            peer.persistentKeepalive().ifPresent(seconds -> line(out, "PersistentKeepalive", Integer.toString(seconds)));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(value).append('\n');
    }

    private static String join(List<Cidr> cidrs) {
        return cidrs.stream().map(Cidr::toString).collect(Collectors.joining(", "));
    }
}
