package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.net.Cidr;
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
     * Checks the components, as the class description says of each.
     *
     * @param networks the allowed networks, in the order given, each once
     */
    public Allowlist {
        networks = List.copyOf(new LinkedHashSet<>(networks));
        for (int i = 0; i < networks.size(); i++) {
            if (!networks.get(i).isNetwork()) {
                throw io.github.rngops.he300.net.NetException.invalid("allowlist[" + i + "]", networks.get(i)
                        + " has host bits set: use " + networks.get(i).network() + " or " + networks.get(i).host());
            }
        }
    }

    /** Parses each entry; a refusal names it as {@code allowlist[i]} (from 0, as in a YAML list). */
    public static Allowlist parse(List<String> entries) {
        Objects.requireNonNull(entries, "allowlist");
        List<Cidr> networks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            networks.add(Cidr.parseNetwork("allowlist[" + i + "]", entries.get(i)));
        }
        return new Allowlist(networks);
    }

    public static Allowlist of(String... entries) {
        return parse(List.of(entries));
    }

    public List<Cidr> ipv4() {
        return networks.stream().filter(cidr -> !cidr.ipv6()).toList();
    }

    public List<Cidr> ipv6() {
        return networks.stream().filter(Cidr::ipv6).toList();
    }
}
