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
     * Checks the components, as the class description says of each.
     *
     * @param host a DNS name, an IPv4 address or an IPv6 address (without brackets)
     * @param port 1..65535
     */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        checkHost("Endpoint", host, host);
        checkPort("Endpoint", port);
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}. */
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

    /** The form wg-quick reads. */
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
