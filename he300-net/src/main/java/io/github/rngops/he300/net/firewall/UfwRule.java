package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code allow} rule for one of the host's own ports: {@code ufw allow 22/tcp}, or from one network only:
 * {@code ufw allow from 203.0.113.0/24 to any port 443 proto tcp}.
 *
 * @param port 1..65535
 * @param protocol {@code tcp} or {@code udp}
 * @param from the one network allowed; empty for anywhere
 */
public record UfwRule(int port, String protocol, Optional<Cidr> from) {
    /** SSH, so enabling ufw never locks the installer out. */
    public static final UfwRule SSH = allow(22, "tcp");
    /** WireGuard's listen port. */
    public static final UfwRule WIREGUARD = allow(51820, "udp");
    /** The reverse proxy. */
    public static final UfwRule HTTPS = allow(443, "tcp");
    /** certbot's standalone HTTP-01 challenge, at issuance and at every renewal. */
    public static final UfwRule ACME_HTTP = allow(80, "tcp");

    /**
     * Checks the port, the protocol and the source network.
     *
     * @param port 1..65535
     * @param protocol {@code tcp} or {@code udp}
     * @param from the one network allowed; empty for anywhere
     * @throws NetException if the port is out of range, the protocol is neither, or {@code from} has host bits set
     */
    public UfwRule {
        if (port < 1 || port > 65535) {
            throw NetException.invalid("ufw rule", "port " + port + " is out of range: use 1..65535");
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw NetException.invalid("ufw rule", "protocol '" + protocol + "' must be tcp or udp");
        }
        Objects.requireNonNull(from, "from");
        from.ifPresent(network -> {
            if (!network.isNetwork()) {
                throw NetException.invalid("ufw rule", network + " has host bits set: use " + network.network()
                        + " or " + network.host());
            }
        });
    }

    /**
     * Allows a port from anywhere: {@code ufw allow <port>/<protocol>}.
     *
     * @param port 1..65535
     * @param protocol {@code tcp} or {@code udp}
     * @return the rule
     * @throws NetException if the port or protocol is refused
     */
    public static UfwRule allow(int port, String protocol) {
        return new UfwRule(port, protocol, Optional.empty());
    }

    /**
     * Allows a port from one network only: {@code ufw allow from <network> to any port <port> proto <protocol>}.
     *
     * @param network the source network; host bits must be zero
     * @param port 1..65535
     * @param protocol {@code tcp} or {@code udp}
     * @return the rule
     * @throws NetException if the network has host bits set, or the port or protocol is refused
     */
    public static UfwRule allowFrom(Cidr network, int port, String protocol) {
        return new UfwRule(port, protocol, Optional.of(network));
    }

    /** {@return the arguments after {@code ufw}} */
    public List<String> args() {
        List<String> args = new ArrayList<>(List.of("allow"));
        if (from.isPresent()) {
            args.addAll(List.of("from", from.get().toString(), "to", "any", "port", Integer.toString(port), "proto",
                    protocol));
        } else {
            args.add(port + "/" + protocol);
        }
        return args;
    }

    /** {@return the rule as the {@code ufw} command that adds it} */
    @Override
    public String toString() {
        return "ufw " + String.join(" ", args());
    }
}
