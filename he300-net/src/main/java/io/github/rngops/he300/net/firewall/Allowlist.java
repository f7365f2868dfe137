package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The networks allowed to reach the stack: IPv4 and IPv6 CIDRs, checked before anything is applied. Entries are
 * normalised to their canonical text ({@code fd00:0::/64} becomes {@code fd00::/64}, a bare address becomes
 * {@code /32} or {@code /128}) and duplicates dropped. An entry with host bits set ({@code 10.0.0.7/24}) is
 * <em>refused</em>, not silently widened or narrowed: the message offers the network and the single host, and the
 * person who wrote it picks.
 *
 * @param networks the allowed networks, in the order given, each once
 */
public record Allowlist(List<Cidr> networks) {

    /**
     * Copies the networks, dropping repeats, and refuses one with host bits set.
     *
     * @param networks the allowed networks, in the order given; may be empty (nothing is allowed)
     * @throws NetException naming {@code allowlist[i]} if a network has host bits set
     */
    public Allowlist {
        networks = List.copyOf(new LinkedHashSet<>(networks));
        for (int i = 0; i < networks.size(); i++) {
            if (!networks.get(i).isNetwork()) {
                throw NetException.invalid("allowlist[" + i + "]", networks.get(i)
                        + " has host bits set: use " + networks.get(i).network() + " or " + networks.get(i).host());
            }
        }
    }

    /**
     * Parses each entry as {@link Cidr#parseNetwork}; a refusal names it as {@code allowlist[i]} (from 0, as in a
     * YAML list).
     *
     * @param entries CIDRs such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}; a bare address is one host
     * @return the allowlist, normalised and without repeats
     * @throws NetException naming the first entry that is not a network
     */
    public static Allowlist parse(List<String> entries) {
        Objects.requireNonNull(entries, "allowlist");
        List<Cidr> networks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            networks.add(Cidr.parseNetwork("allowlist[" + i + "]", entries.get(i)));
        }
        return new Allowlist(networks);
    }

    /**
     * The allowlist of these entries, as {@link #parse(List)} reads them.
     *
     * @param entries CIDRs such as {@code 203.0.113.0/24}
     * @return the allowlist
     * @throws NetException naming the first entry that is not a network
     */
    public static Allowlist of(String... entries) {
        return parse(List.of(entries));
    }

    /** {@return the IPv4 networks, in order: what {@code iptables} enforces} */
    public List<Cidr> ipv4() {
        return networks.stream().filter(cidr -> !cidr.ipv6()).toList();
    }

    /** {@return the IPv6 networks, in order: what {@code ip6tables} enforces} */
    public List<Cidr> ipv6() {
        return networks.stream().filter(Cidr::ipv6).toList();
    }
}
