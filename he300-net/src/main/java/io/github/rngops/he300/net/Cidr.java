package io.github.rngops.he300.net;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address with a prefix length: {@code 10.0.0.2/24}, {@code fd00::1/64}. Parsing never looks a name
 * up: only literal addresses are accepted (IPv4 as four decimal numbers without leading zeros, IPv6 in any RFC 4291
 * form without a zone). A missing prefix means one host ({@code /32} or {@code /128}).
 *
 * <p>Two readings: {@link #parse} takes an interface address, whose host bits say which host it is
 * ({@code Address = 10.0.0.2/24}); {@link #parseNetwork} takes a network (an allowlist entry, {@code AllowedIPs})
 * and refuses host bits rather than guessing: {@code 10.0.0.7/24} may mean {@code 10.0.0.0/24} or
 * {@code 10.0.0.7/32}, and the message offers both.
 *
 * @param address the address, as given (host bits kept)
 * @param prefix 0..32 for IPv4, 0..128 for IPv6
 */
public record Cidr(InetAddress address, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    /**
     * Checks the prefix against the address's length.
     *
     * @param address the address, as given (host bits kept)
     * @param prefix 0..32 for IPv4, 0..128 for IPv6
     * @throws NetException if the prefix is out of that range
     */
    public Cidr {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw NetException.invalid("prefix", "must be 0.." + bits + ", was " + prefix);
        }
    }

    /**
     * Reads an interface address, {@code address[/prefix]}: host bits allowed, a missing prefix meaning one host.
     *
     * @param field the setting the text comes from, named in the message of a refusal ({@code Interface.Address})
     * @param text the address, like {@code 10.0.0.2/24} or {@code fd00::2}; surrounding spaces are ignored
     * @return the address with its prefix
     * @throws NetException if the text is not a literal IP address or the prefix is out of range
     */
    public static Cidr parse(String field, String text) {
        Objects.requireNonNull(text, field);
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = address(field, host, text);
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(digits) > bits) {
                throw NetException.invalid(field, "'" + text + "' has prefix length '" + digits + "': use 0.." + bits
                        + " for an IPv" + (bits == 32 ? "4" : "6") + " address");
            }
            prefix = Integer.parseInt(digits);
        }
        return new Cidr(address, prefix);
    }

    /**
     * Reads a network: like {@link #parse}, but host bits must be zero.
     *
     * @param field the setting the text comes from, named in the message of a refusal ({@code allowlist[2]})
     * @param text the network, like {@code 203.0.113.0/24}; a bare address is a single host
     * @return the network
     * @throws NetException if the text is not an address, or has host bits set (the message offers the network and
     *     the single host)
     */
    public static Cidr parseNetwork(String field, String text) {
        Cidr cidr = parse(field, text);
        if (!cidr.isNetwork()) {
            throw NetException.invalid(field, "'" + text + "' has host bits set below its /" + cidr.prefix
                    + ": write the network " + cidr.network() + " or the single host " + cidr.host());
        }
        return cidr;
    }

    /**
     * Reads a literal IPv4 or IPv6 address; a name is refused, never looked up.
     *
     * @param field the setting, named in the message of a refusal
     * @param host the address alone, without prefix, port or brackets
     * @param given the whole value the address was cut from (such as {@code [fd00::2]:51820}), quoted in the message
     * @return the address
     * @throws NetException if {@code host} is not an IPv4 address in dotted decimal or an IPv6 address
     */
    public static InetAddress address(String field, String host, String given) {
        try {
            if (IPV4.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(parts[i]);
                    if (part > 255) {
                        throw NetException.invalid(field, "'" + given + "' is not an IPv4 address: " + part + " > 255");
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (host.contains(":") && IPV6.matcher(host).matches()) {
                return InetAddress.getByName(host);   // a literal with ':' is parsed, never resolved
            }
        } catch (UnknownHostException e) {
            // fall through to the message below
        }
        throw NetException.invalid(field, "'" + given + "' is not an IP address: write an IPv4 address like 10.0.0.2"
                + " or an IPv6 address like fd00::2, optionally with /prefix");
    }

    /** {@return whether this is an IPv6 address (16 bytes) rather than IPv4} */
    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** {@return whether the host bits (below the prefix) are all zero} */
    public boolean isNetwork() {
        return network().address.equals(address);
    }

    /** {@return the network this address is in: host bits zeroed} */
    public Cidr network() {
        return new Cidr(withHostBits(BigInteger.ZERO), prefix);
    }

    /** {@return this address alone: {@code /32} or {@code /128}} */
    public Cidr host() {
        return new Cidr(address, address.getAddress().length * 8);
    }

    /** {@return how many addresses the network holds below its prefix, as 2^(bits - prefix)} */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.getAddress().length * 8 - prefix);
    }

    /**
     * The address at {@code offset} from the start of this network.
     *
     * @param offset 0 (the network address itself) up to {@link #size()} - 1
     * @return the address
     * @throws NetException if the offset is outside the network
     */
    public InetAddress at(BigInteger offset) {
        if (offset.signum() < 0 || offset.compareTo(size()) >= 0) {
            throw NetException.invalid("address", "offset " + offset + " is outside " + network());
        }
        return withHostBits(offset);
    }

    /**
     * Whether an address lies in this network.
     *
     * @param other any address; one of the other family is never contained
     * @return whether its bits above the prefix are this network's
     */
    public boolean contains(InetAddress other) {
        if (other.getAddress().length != address.getAddress().length) {
            return false;
        }
        return new Cidr(other, prefix).network().equals(network());
    }

    /** {@return the address without the prefix, IPv6 in its RFC 5952 short form} */
    public String addressText() {
        return text(address);
    }

    /** {@code address/prefix}, IPv6 in its RFC 5952 short form. */
    @Override
    public String toString() {
        return text(address) + "/" + prefix;
    }

    private InetAddress withHostBits(BigInteger hostBits) {
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        BigInteger result = value.and(mask).or(hostBits);
        byte[] raw = result.toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);   // a 4- or 16-byte array is always accepted
        }
    }

    /** An address as text; IPv6 compressed per RFC 5952 (longest run of zero groups as ::, lower case). */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
