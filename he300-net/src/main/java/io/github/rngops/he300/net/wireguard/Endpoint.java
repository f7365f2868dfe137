package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a peer is reached: a host name or IP literal and a UDP port, written {@code host:port} or
 * {@code [ipv6]:port}.
 *
 * @param host a DNS name, an IPv4 address or an IPv6 address (without brackets)
 * @param port 1..65535
 */
public record Endpoint(String host, int port) {
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    /**
     * Checks the host's form and the port; a name is not looked up.
     *
     * @param host a DNS name, an IPv4 address or an IPv6 address (without brackets)
     * @param port 1..65535
     * @throws NetException if the host is neither a DNS name nor an IP address, or the port is out of range
     */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        checkHost("Endpoint", host, host);
        checkPort("Endpoint", port);
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @param field the setting the text comes from, named in the message of a refusal ({@code Peer.Endpoint})
     * @param text like {@code gpu-host.example.com:51820} or {@code [fd00::2]:51820}
     * @return the endpoint
     * @throws NetException if the text has no port, the port is out of range, or the host is not a name or address
     */
    public static Endpoint parse(String field, String text) {
        String value = Objects.requireNonNull(text, field).strip();
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw NetException.invalid(field, "'" + text + "' must be [ipv6]:port, like [fd00::2]:51820");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
            Cidr.address(field, host, text);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon < 0 || value.indexOf(':') != colon) {
                throw NetException.invalid(field, "'" + text + "' must be host:port (an IPv6 address in brackets),"
                        + " like gpu-host.example.com:51820");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
            checkHost(field, host, text);
        }
        if (!port.matches("[1-9][0-9]{0,4}")) {
            throw NetException.invalid(field, "'" + text + "' has port '" + port + "': use 1..65535");
        }
        int number = Integer.parseInt(port);
        checkPort(field, number);
        return new Endpoint(host, number);
    }

    /** {@return the form wg-quick reads: {@code host:port}, an IPv6 address in brackets} */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static void checkPort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw NetException.invalid(field, "port " + port + " is out of range: use 1..65535");
        }
    }

    private static void checkHost(String field, String host, String given) {
        if (host.contains(":") || host.matches("[0-9.]+")) {
            Cidr.address(field, host, given);
        } else if (!HOSTNAME.matcher(host).matches()) {
            throw NetException.invalid(field, "'" + given + "' does not name a host: use a DNS name or an IP address");
        }
    }
}
