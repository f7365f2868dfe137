package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code [Peer]} section of a wg-quick config.
 *
 * @param name a label, written as the comment line after {@code [Peer]} (not part of WireGuard)
 * @param publicKey {@code PublicKey}: the peer's public key
 * @param presharedKey {@code PresharedKey}: an extra symmetric key both ends hold
 * @param allowedIps {@code AllowedIPs}: networks routed to this peer and accepted from it (host bits zero)
 * @param endpoint {@code Endpoint}: where to reach the peer; absent when the peer dials in
 * @param persistentKeepalive {@code PersistentKeepalive} seconds, 1..65535 (absent = off)
 */
public record WgPeer(Optional<String> name, WgKey publicKey, Optional<WgKey> presharedKey, List<Cidr> allowedIps,
        Optional<Endpoint> endpoint, OptionalInt persistentKeepalive) {

    /**
     * Checks that nothing is null and copies the networks. The values are checked by the {@link Builder}, which is
     * how peers are usually made.
     *
     * @param name a label, written as the comment line after {@code [Peer]} (not part of WireGuard)
     * @param publicKey {@code PublicKey}: the peer's public key
     * @param presharedKey {@code PresharedKey}: an extra symmetric key both ends hold
     * @param allowedIps {@code AllowedIPs}: networks routed to this peer and accepted from it (host bits zero)
     * @param endpoint {@code Endpoint}: where to reach the peer; absent when the peer dials in
     * @param persistentKeepalive {@code PersistentKeepalive} seconds, 1..65535 (absent = off)
     */
    public WgPeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "Peer.PublicKey");
        Objects.requireNonNull(presharedKey, "Peer.PresharedKey");
        Objects.requireNonNull(endpoint, "Peer.Endpoint");
        Objects.requireNonNull(persistentKeepalive, "Peer.PersistentKeepalive");
        allowedIps = List.copyOf(allowedIps);
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.name = name;
        builder.publicKey = publicKey;
        builder.presharedKey = presharedKey;
        builder.allowedIps.addAll(allowedIps);
        builder.endpoint = endpoint;
        builder.persistentKeepalive = persistentKeepalive;
        return builder;
    }

    /** Makes a {@link WgPeer}; each method checks its argument at once. */
    public static final class Builder {
        private Optional<String> name = Optional.empty();
        private WgKey publicKey;
        private Optional<WgKey> presharedKey = Optional.empty();
        private final List<Cidr> allowedIps = new ArrayList<>();
        private Optional<Endpoint> endpoint = Optional.empty();
        private OptionalInt persistentKeepalive = OptionalInt.empty();

        private Builder() {}

        /**
         * Sets a one-line label for people reading the file.
         *
         * @param name one non-blank line, such as the runner's name; surrounding spaces are dropped
         * @return this builder
         * @throws NetException if it is blank or spans lines
         */
        public Builder name(String name) {
            if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
                throw NetException.invalid("Peer.name", "must be one non-empty line");
            }
            this.name = Optional.of(name.strip());
            return this;
        }

        /**
         * Sets the peer's public key. Required.
         *
         * @param key a {@link WgKey.Kind#PUBLIC} key
         * @return this builder
         * @throws NetException if it is a private or preshared key (a private key never belongs in {@code [Peer]})
         */
        public Builder publicKey(WgKey key) {
            Objects.requireNonNull(key, "Peer.PublicKey");
            if (key.kind() != WgKey.Kind.PUBLIC) {
                throw NetException.invalid("Peer.PublicKey", "must be the peer's public key, was a " + key.kind()
                        + " key (never put a private key in a [Peer] section)");
            }
            this.publicKey = key;
            return this;
        }

        /**
         * Sets the peer's public key from its base64 form, as {@code wg pubkey} prints it. Required.
         *
         * @param base64 44 characters of base64 ending in {@code =}
         * @return this builder
         * @throws NetException if it is not a WireGuard key
         */
        public Builder publicKey(String base64) {
            return publicKey(WgKey.parse(WgKey.Kind.PUBLIC, "Peer.PublicKey", base64));
        }

        /**
         * Sets a preshared key; the other end's config must hold the same one for this peering.
         *
         * @param key a {@link WgKey.Kind#PRESHARED} key
         * @return this builder
         * @throws NetException if it is a private or public key
         */
        public Builder presharedKey(WgKey key) {
            Objects.requireNonNull(key, "Peer.PresharedKey");
            if (key.kind() != WgKey.Kind.PRESHARED) {
                throw NetException.invalid("Peer.PresharedKey", "must be a preshared key, was a " + key.kind() + " key");
            }
            this.presharedKey = Optional.of(key);
            return this;
        }

        /**
         * Adds networks routed to the peer and accepted from it.
         *
         * @param networks CIDRs like {@code 10.0.0.1/32}; host bits must be zero
         * @return this builder
         * @throws NetException naming the first that is not a network (the message offers the network and the host)
         */
        public Builder allowedIps(String... networks) {
            Arrays.stream(networks).forEach(n -> allowedIps.add(Cidr.parseNetwork("Peer.AllowedIPs", n)));
            return this;
        }

        /**
         * Adds a network routed to the peer and accepted from it.
         *
         * @param network a network: host bits zero
         * @return this builder
         * @throws NetException if host bits are set
         */
        public Builder allowedIp(Cidr network) {
            if (!network.isNetwork()) {
                throw NetException.invalid("Peer.AllowedIPs", network + " has host bits set: use " + network.network()
                        + " or " + network.host());
            }
            allowedIps.add(network);
            return this;
        }

        /**
         * Sets where to reach the peer; leave it out when the peer dials in.
         *
         * @param endpoint {@code host:port} or {@code [ipv6]:port}, like {@code gpu-host.example.com:51820}
         * @return this builder
         * @throws NetException if it is not of that form
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = Optional.of(Endpoint.parse("Peer.Endpoint", endpoint));
            return this;
        }

        /**
         * Sets where to reach the peer.
         *
         * @param endpoint the peer's host and UDP port
         * @return this builder
         */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = Optional.of(Objects.requireNonNull(endpoint, "Peer.Endpoint"));
            return this;
        }

        /**
         * Sets how often an empty packet goes to the peer when nothing else does; off when not set.
         *
         * @param seconds 1..65535; 25 keeps NAT mappings open
         * @return this builder
         * @throws NetException if it is out of range
         */
        public Builder persistentKeepalive(int seconds) {
            if (seconds < 1 || seconds > 65535) {
                throw NetException.invalid("Peer.PersistentKeepalive", seconds + " is out of range: use 1..65535"
                        + " seconds (25 is usual), or leave it out for off");
            }
            this.persistentKeepalive = OptionalInt.of(seconds);
            return this;
        }

        /**
         * {@return the {@link WgPeer} these settings describe}
         *
         * @throws NetException if the public key is missing
         */
        public WgPeer build() {
            if (publicKey == null) {
                throw NetException.invalid("Peer.PublicKey", "is missing: every peer needs the other end's public key");
            }
            return new WgPeer(name, publicKey, presharedKey, allowedIps, endpoint, persistentKeepalive);
        }
    }
}
