package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's star: one GPU host listening on UDP (by default {@code 10.0.0.2/24}, port 51820) and one or more test
 * runners that dial it. Runners without an address get the lowest free one in the host's network ({@code 10.0.0.1},
 * then {@code .3}, {@code .4}, ...). Each side's config comes from here, so both ends always agree.
 *
 * <pre>{@code
 * WgTopology topology = WgTopology.builder()
 *         .hostPublicKey(hostKey.publicKey()).hostEndpoint("gpu-host.example.com")
 *         .runner("runner-1", runnerKey.publicKey())
 *         .build();
 * WgConfig onHost = topology.hostConfig(hostKey);
 * WgConfig onRunner = topology.runnerConfig("runner-1", runnerKey);
 * }</pre>
 *
 * @param hostAddress the host's tunnel address with the network's prefix
 * @param listenPort the host's UDP port
 * @param hostEndpoint the name or address runners reach the host at
 * @param hostPublicKey the host's public key
 * @param keepalive {@code PersistentKeepalive} on both ends, seconds
 * @param runners the runners, each with an address in the host's network
 */
public record WgTopology(Cidr hostAddress, int listenPort, String hostEndpoint, WgKey hostPublicKey, int keepalive,
        List<Runner> runners) {

    /**
     * One runner.
     *
     * @param name a label, unique in the topology
     * @param publicKey the runner's public key
     * @param address its tunnel address ({@code /32} or {@code /128})
     * @param presharedKey the preshared key both ends use with each other
     * @param endpoint where the host can reach the runner, if it has a fixed address
     */
    public record Runner(String name, WgKey publicKey, Cidr address, Optional<WgKey> presharedKey,
            Optional<Endpoint> endpoint) {
        /**
         * Checks that nothing is null.
         *
         * @param name a label, unique in the topology
         * @param publicKey the runner's public key
         * @param address its tunnel address ({@code /32} or {@code /128})
         * @param presharedKey the preshared key both ends use with each other
         * @param endpoint where the host can reach the runner, if it has a fixed address
         */
        public Runner {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(presharedKey, "presharedKey");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /**
     * Copies the runners and checks the port and the endpoint's form. Addresses are allocated and checked by the
     * {@link Builder}, which is how topologies are usually made.
     *
     * @param hostAddress the host's tunnel address with the network's prefix
     * @param listenPort the host's UDP port
     * @param hostEndpoint the name or address runners reach the host at
     * @param hostPublicKey the host's public key
     * @param keepalive {@code PersistentKeepalive} on both ends, seconds
     * @param runners the runners, each with an address in the host's network
     * @throws NetException if the port is out of range or the endpoint is neither a DNS name nor an IP address
     */
    public WgTopology {
        Objects.requireNonNull(hostAddress, "hostAddress");
        Objects.requireNonNull(hostEndpoint, "hostEndpoint");
        Objects.requireNonNull(hostPublicKey, "hostPublicKey");
        runners = List.copyOf(runners);
        Endpoint.checkPort("listenPort", listenPort);
        new Endpoint(hostEndpoint, listenPort);
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return this topology with a new preshared key for every runner that has none}
     *
     * @param random where the keys come from ({@code new SecureRandom()})
     */
    public WgTopology withPresharedKeys(SecureRandom random) {
        List<Runner> keyed = runners.stream().map(r -> r.presharedKey().isPresent() ? r
                : new Runner(r.name(), r.publicKey(), r.address(), Optional.of(WgKey.generatePreshared(random)),
                        r.endpoint())).toList();
        return new WgTopology(hostAddress, listenPort, hostEndpoint, hostPublicKey, keepalive, keyed);
    }

    /**
     * {@return the GPU host's config: its address and port, one peer per runner with the runner's address as a /32}
     *
     * @param hostPrivateKey the host's private key; it must belong to {@link #hostPublicKey()}
     * @throws NetException if the private key does not belong to the host's public key
     */
    public WgConfig hostConfig(WgKey hostPrivateKey) {
        checkPair("host", hostPrivateKey, hostPublicKey);
        WgInterface iface = WgInterface.builder().privateKey(hostPrivateKey).address(hostAddress)
                .listenPort(listenPort).build();
        List<WgPeer> peers = new ArrayList<>();
        for (Runner runner : runners) {
            WgPeer.Builder peer = WgPeer.builder().name(runner.name()).publicKey(runner.publicKey())
                    .allowedIp(runner.address()).persistentKeepalive(keepalive);
            runner.presharedKey().ifPresent(peer::presharedKey);
            runner.endpoint().ifPresent(peer::endpoint);
            peers.add(peer.build());
        }
        return new WgConfig(iface, peers);
    }

    /**
     * {@return a runner's config: its address in the host's network, and the host as its one peer}
     *
     * @param name the runner's name in the topology
     * @param runnerPrivateKey the runner's private key; it must belong to the runner's public key
     * @throws NetException if there is no runner of that name, or the key does not belong to it
     */
    public WgConfig runnerConfig(String name, WgKey runnerPrivateKey) {
        Runner runner = runners.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> NetException.invalid("runner", "no runner named '" + name + "' in the topology"));
        checkPair("runner " + name, runnerPrivateKey, runner.publicKey());
        WgInterface iface = WgInterface.builder().privateKey(runnerPrivateKey)
                .address(new Cidr(runner.address().address(), hostAddress.prefix())).build();
        WgPeer.Builder host = WgPeer.builder().name("GPU host").publicKey(hostPublicKey).allowedIp(hostAddress.host())
                .endpoint(new Endpoint(hostEndpoint, listenPort)).persistentKeepalive(keepalive);
        runner.presharedKey().ifPresent(host::presharedKey);
        return new WgConfig(iface, List.of(host.build()));
    }

    private static void checkPair(String who, WgKey privateKey, WgKey expectedPublic) {
        if (!privateKey.publicKey().equals(expectedPublic)) {
            throw NetException.invalid(who + " private key", "does not belong to the public key "
                    + expectedPublic + " in the topology");
        }
    }

    /** A runner as added to the builder: address and endpoint may still be null. */
    private record Pending(String name, WgKey publicKey, Cidr address, Endpoint endpoint) { }

    /** Makes a {@link WgTopology}; defaults are the seed's: host {@code 10.0.0.2/24}, port 51820, keepalive 25. */
    public static final class Builder {
        private Cidr hostAddress = Cidr.parse("hostAddress", "10.0.0.2/24");
        private int listenPort = 51820;
        private String hostEndpoint;
        private WgKey hostPublicKey;
        private int keepalive = 25;
        private final List<Pending> runners = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the host's tunnel address with the network's prefix; default {@code 10.0.0.2/24}. Runners get their
         * addresses in that network.
         *
         * @param address an IPv4 or IPv6 address with a prefix shorter than a single host, like {@code 10.0.0.2/24}
         * @return this builder
         * @throws NetException if it is not an address, or has no prefix (or a single host's)
         */
        public Builder hostAddress(String address) {
            Cidr cidr = Cidr.parse("hostAddress", address);
            if (cidr.prefix() == cidr.address().getAddress().length * 8) {
                throw NetException.invalid("hostAddress", "'" + address + "' needs the network's prefix, like"
                        + " 10.0.0.2/24, so runners can be given addresses in it");
            }
            this.hostAddress = cidr;
            return this;
        }

        /**
         * Sets the host's UDP port; default 51820.
         *
         * @param port 1..65535
         * @return this builder
         * @throws NetException if it is out of range
         */
        public Builder listenPort(int port) {
            Endpoint.checkPort("listenPort", port);
            this.listenPort = port;
            return this;
        }

        /**
         * Sets the DNS name or public IP that runners reach the host at. Required; the port is
         * {@link #listenPort}'s.
         *
         * @param host a DNS name or an IP address, without a port; a name is not looked up here
         * @return this builder
         * @throws NetException if it is neither a DNS name nor an IP address
         */
        public Builder hostEndpoint(String host) {
            new Endpoint(host, 1);
            this.hostEndpoint = host;
            return this;
        }

        /**
         * Sets the host's public key. Required.
         *
         * @param key a {@link WgKey.Kind#PUBLIC} key
         * @return this builder
         * @throws NetException if it is a private or preshared key
         */
        public Builder hostPublicKey(WgKey key) {
            if (key.kind() != WgKey.Kind.PUBLIC) {
                throw NetException.invalid("hostPublicKey", "must be a public key, was a " + key.kind() + " key");
            }
            this.hostPublicKey = key;
            return this;
        }

        /**
         * Sets {@code PersistentKeepalive} on both ends; default 25, which keeps NAT mappings open.
         *
         * @param seconds 1..65535
         * @return this builder
         * @throws NetException if it is out of range
         */
        public Builder keepalive(int seconds) {
            if (seconds < 1 || seconds > 65535) {
                throw NetException.invalid("keepalive", seconds + " is out of range: use 1..65535 seconds");
            }
            this.keepalive = seconds;
            return this;
        }

        /**
         * Adds a runner whose address is allocated by {@link #build()}: the lowest free one in the host's network.
         *
         * @param name a label, one line, unique in the topology
         * @param publicKey the runner's public key
         * @return this builder
         * @throws NetException if the name is blank or spans lines, or the key is not a public key
         */
        public Builder runner(String name, WgKey publicKey) {
            return add(name, publicKey, null, null);
        }

        /**
         * Adds a runner with a fixed tunnel address, and optionally the endpoint the host can reach it at.
         *
         * @param name a label, one line, unique in the topology
         * @param publicKey the runner's public key
         * @param address its tunnel address, in the host's network; a prefix is dropped (the runner is one host)
         * @param endpoint {@code host:port} where the host can reach the runner; null when the runner only dials
         * @return this builder
         * @throws NetException if a value is refused; an address outside the network or taken twice is refused by
         *     {@link #build()}
         */
        public Builder runner(String name, WgKey publicKey, String address, String endpoint) {
            Cidr cidr = Cidr.parse("runner " + name + " address", address).host();
            return add(name, publicKey, cidr, endpoint == null ? null : Endpoint.parse("runner " + name + " endpoint",
                    endpoint));
        }

        private Builder add(String name, WgKey publicKey, Cidr address, Endpoint endpoint) {
            if (name == null || name.isBlank() || name.contains("\n")) {
                throw NetException.invalid("runner name", "must be one non-empty line");
            }
            if (publicKey.kind() != WgKey.Kind.PUBLIC) {
                throw NetException.invalid("runner " + name + " public key", "must be a public key, was a "
                        + publicKey.kind() + " key");
            }
            runners.add(new Pending(name, publicKey, address, endpoint));
            return this;
        }

        /**
         * {@return the {@link WgTopology} these settings describe, every runner with its address}
         *
         * @throws NetException if the host's endpoint or key is missing, a runner name is used twice, a fixed address
         *     is outside the host's network or taken, or the network has no free address left
         */
        public WgTopology build() {
            if (hostEndpoint == null) {
                throw NetException.invalid("hostEndpoint", "is missing: the DNS name or IP runners reach the host at");
            }
            if (hostPublicKey == null) {
                throw NetException.invalid("hostPublicKey", "is missing");
            }
            Set<InetAddress> taken = new HashSet<>();
            taken.add(hostAddress.address());
            Set<String> names = new HashSet<>();
            for (Pending runner : runners) {
                if (!names.add(runner.name())) {
                    throw NetException.invalid("runner name", "'" + runner.name() + "' is used twice");
                }
                Cidr address = runner.address();
                if (address != null && (!hostAddress.contains(address.address()) || !taken.add(address.address()))) {
                    throw NetException.invalid("runner " + runner.name() + " address", address.addressText()
                            + (hostAddress.contains(address.address()) ? " is already taken"
                            : " is outside the host's network " + hostAddress.network()));
                }
            }
            List<Runner> built = new ArrayList<>();
            BigInteger next = BigInteger.ONE;
            BigInteger last = hostAddress.size().subtract(hostAddress.ipv6() ? BigInteger.ONE : BigInteger.TWO);
            for (Pending runner : runners) {
                Cidr address = runner.address();
                if (address == null) {
                    while (next.compareTo(last) <= 0 && taken.contains(hostAddress.network().at(next))) {
                        next = next.add(BigInteger.ONE);
                    }
                    if (next.compareTo(last) > 0) {
                        throw NetException.invalid("runners", "the network " + hostAddress.network()
                                + " has no free address left for runner " + runner.name() + ": use a shorter prefix");
                    }
                    InetAddress free = hostAddress.network().at(next);
                    taken.add(free);
                    address = new Cidr(free, free.getAddress().length * 8);
                }
                built.add(new Runner(runner.name(), runner.publicKey(), address, Optional.empty(),
                        Optional.ofNullable(runner.endpoint())));
            }
            return new WgTopology(hostAddress, listenPort, hostEndpoint, hostPublicKey, keepalive, built);
        }
    }
}
