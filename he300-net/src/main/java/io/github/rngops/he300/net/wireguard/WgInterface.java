package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The {@code [Interface]} section of a wg-quick config. Every setting is checked when it is set, naming the field.
 *
 * @param privateKey this end's private key
 * @param addresses {@code Address}: this end's addresses with their prefixes, at least one
 * @param listenPort {@code ListenPort}, 1..65535; absent on a runner that only dials out
 * @param dns {@code DNS}: resolver addresses or search domains
 * @param mtu {@code MTU}, 576..65535
 * @param table {@code Table}: {@code off}, {@code auto}, a table number or name
 * @param preUp {@code PreUp} commands, run by wg-quick through bash, in order
 * @param postUp {@code PostUp} commands
 * @param preDown {@code PreDown} commands
 * @param postDown {@code PostDown} commands
 * @param saveConfig {@code SaveConfig}: whether wg-quick writes the running state back on down
 */
public record WgInterface(WgKey privateKey, List<Cidr> addresses, OptionalInt listenPort, List<String> dns,
        OptionalInt mtu, Optional<String> table, List<String> preUp, List<String> postUp, List<String> preDown,
        List<String> postDown, boolean saveConfig) {
    private static final Pattern TABLE = Pattern.compile("off|auto|[0-9]{1,10}|[a-zA-Z_][a-zA-Z0-9_-]{0,30}");
    private static final Pattern SEARCH_DOMAIN = Pattern.compile(
            "[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    /**
     * Checks the key's kind and that there is an address, and copies the lists. The other values are checked by the
     * {@link Builder}, which is how configs are usually made.
     *
     * @param privateKey this end's private key
     * @param addresses {@code Address}: this end's addresses with their prefixes, at least one
     * @param listenPort {@code ListenPort}, 1..65535; absent on a runner that only dials out
     * @param dns {@code DNS}: resolver addresses or search domains
     * @param mtu {@code MTU}, 576..65535
     * @param table {@code Table}: {@code off}, {@code auto}, a table number or name
     * @param preUp {@code PreUp} commands, run by wg-quick through bash, in order
     * @param postUp {@code PostUp} commands
     * @param preDown {@code PreDown} commands
     * @param postDown {@code PostDown} commands
     * @param saveConfig {@code SaveConfig}: whether wg-quick writes the running state back on down
     * @throws NetException if the key is not a private key or no address is given
     */
    public WgInterface {
        Objects.requireNonNull(privateKey, "Interface.PrivateKey");
        if (privateKey.kind() != WgKey.Kind.PRIVATE) {
            throw NetException.invalid("Interface.PrivateKey", "must be a private key, was a " + privateKey.kind()
                    + " key");
        }
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw NetException.invalid("Interface.Address", "is missing: give this end's tunnel address, like 10.0.0.2/24");
        }
        dns = List.copyOf(dns);
        preUp = List.copyOf(preUp);
        postUp = List.copyOf(postUp);
        preDown = List.copyOf(preDown);
        postDown = List.copyOf(postDown);
        Objects.requireNonNull(listenPort, "listenPort");
        Objects.requireNonNull(mtu, "mtu");
        Objects.requireNonNull(table, "table");
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.privateKey = privateKey;
        builder.addresses.addAll(addresses);
        builder.listenPort = listenPort;
        builder.dns.addAll(dns);
        builder.mtu = mtu;
        builder.table = table;
        builder.preUp.addAll(preUp);
        builder.postUp.addAll(postUp);
        builder.preDown.addAll(preDown);
        builder.postDown.addAll(postDown);
        builder.saveConfig = saveConfig;
        return builder;
    }

    /** Makes a {@link WgInterface}; each method checks its argument at once. */
    public static final class Builder {
        private WgKey privateKey;
        private final List<Cidr> addresses = new ArrayList<>();
        private OptionalInt listenPort = OptionalInt.empty();
        private final List<String> dns = new ArrayList<>();
        private OptionalInt mtu = OptionalInt.empty();
        private Optional<String> table = Optional.empty();
        private final List<String> preUp = new ArrayList<>();
        private final List<String> postUp = new ArrayList<>();
        private final List<String> preDown = new ArrayList<>();
        private final List<String> postDown = new ArrayList<>();
        private boolean saveConfig;

        private Builder() {}

        /**
         * Sets this end's private key. Required.
         *
         * @param key a {@link WgKey.Kind#PRIVATE} key
         * @return this builder
         * @throws NetException if it is a public or preshared key
         */
        public Builder privateKey(WgKey key) {
            Objects.requireNonNull(key, "Interface.PrivateKey");
            if (key.kind() != WgKey.Kind.PRIVATE) {
                throw NetException.invalid("Interface.PrivateKey", "must be a private key, was a " + key.kind() + " key");
            }
            this.privateKey = key;
            return this;
        }

        /**
         * Adds addresses; at least one is required.
         *
         * @param addresses each {@code address[/prefix]}, like {@code 10.0.0.2/24}; host bits are this end's
         * @return this builder
         * @throws NetException naming the first that is not an address
         */
        public Builder address(String... addresses) {
            Arrays.stream(addresses).forEach(a -> this.addresses.add(Cidr.parse("Interface.Address", a)));
            return this;
        }

        /**
         * Adds an address.
         *
         * @param address this end's address with the tunnel network's prefix
         * @return this builder
         */
        public Builder address(Cidr address) {
            addresses.add(Objects.requireNonNull(address, "Interface.Address"));
            return this;
        }

        /**
         * Sets the UDP port to listen on; leave it out on a runner that only dials (the kernel picks one).
         *
         * @param port 1..65535; WireGuard's usual one is 51820
         * @return this builder
         * @throws NetException if the port is out of range
         */
        public Builder listenPort(int port) {
            Endpoint.checkPort("Interface.ListenPort", port);
            this.listenPort = OptionalInt.of(port);
            return this;
        }

        /**
         * Adds resolvers or search domains, which wg-quick sets while the interface is up.
         *
         * @param entries IP addresses (resolvers) or domain names (search domains)
         * @return this builder
         * @throws NetException naming the first entry that is neither
         */
        public Builder dns(String... entries) {
            for (String entry : entries) {
                String value = entry.strip();
                if (value.contains(":") || value.matches("[0-9.]+")) {
                    Cidr.address("Interface.DNS", value, entry);
                } else if (!SEARCH_DOMAIN.matcher(value).matches()) {
                    throw NetException.invalid("Interface.DNS", "'" + entry + "' is neither an IP address nor a"
                            + " search domain");
                }
                dns.add(value);
            }
            return this;
        }

        /**
         * Sets the interface's MTU; wg-quick works one out when not set.
         *
         * @param mtu 576..65535 bytes (1420 is WireGuard's usual value)
         * @return this builder
         * @throws NetException if it is out of range
         */
        public Builder mtu(int mtu) {
            if (mtu < 576 || mtu > 65535) {
                throw NetException.invalid("Interface.MTU", mtu + " is out of range: use 576..65535 (1420 is"
                        + " WireGuard's usual value)");
            }
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        /**
         * Sets the routing table wg-quick adds routes to; {@code auto} when not set.
         *
         * @param table {@code off} (no routes), {@code auto}, a routing table number or name
         * @return this builder
         * @throws NetException if it is none of those
         */
        public Builder table(String table) {
            if (!TABLE.matcher(Objects.requireNonNull(table, "Interface.Table")).matches()) {
                throw NetException.invalid("Interface.Table", "'" + table + "' must be off, auto, a table number or"
                        + " a table name");
            }
            this.table = Optional.of(table);
            return this;
        }

        /**
         * Adds a command wg-quick runs through bash, as root, before the interface comes up.
         *
         * @param command one line without {@code #} (wg-quick would cut it there)
         * @return this builder
         * @throws NetException if it is blank, spans lines or holds {@code #}
         */
        public Builder preUp(String command) {
            preUp.add(hook("Interface.PreUp", command));
            return this;
        }

        /**
         * Adds a command wg-quick runs through bash, as root, after the interface came up.
         *
         * @param command one line without {@code #} (wg-quick would cut it there)
         * @return this builder
         * @throws NetException if it is blank, spans lines or holds {@code #}
         */
        public Builder postUp(String command) {
            postUp.add(hook("Interface.PostUp", command));
            return this;
        }

        /**
         * Adds a command wg-quick runs through bash, as root, before the interface goes down.
         *
         * @param command one line without {@code #} (wg-quick would cut it there)
         * @return this builder
         * @throws NetException if it is blank, spans lines or holds {@code #}
         */
        public Builder preDown(String command) {
            preDown.add(hook("Interface.PreDown", command));
            return this;
        }

        /**
         * Adds a command wg-quick runs through bash, as root, after the interface went down.
         *
         * @param command one line without {@code #} (wg-quick would cut it there)
         * @return this builder
         * @throws NetException if it is blank, spans lines or holds {@code #}
         */
        public Builder postDown(String command) {
            postDown.add(hook("Interface.PostDown", command));
            return this;
        }

        /**
         * Sets whether wg-quick writes the running state back into the file on {@code down}; off by default (he300
         * installs the file, so state saved this way is overwritten by the next install).
         *
         * @param saveConfig whether to write {@code SaveConfig = true}
         * @return this builder
         */
        public Builder saveConfig(boolean saveConfig) {
            this.saveConfig = saveConfig;
            return this;
        }

        /**
         * {@return the {@link WgInterface} these settings describe}
         *
         * @throws NetException if the private key or every address is missing
         */
        public WgInterface build() {
            if (privateKey == null) {
                throw NetException.invalid("Interface.PrivateKey", "is missing: generate one with he300 wireguard"
                        + " keygen or wg genkey");
            }
            return new WgInterface(privateKey, addresses, listenPort, dns, mtu, table, preUp, postUp, preDown,
                    postDown, saveConfig);
        }

        private static String hook(String field, String command) {
            Objects.requireNonNull(command, field);
            if (command.isBlank() || command.contains("\n") || command.contains("\r") || command.contains("\0")
                    || command.contains("#")) {
                throw NetException.invalid(field, "must be one non-empty line without '#' (wg-quick strips"
                        + " everything after '#' as a comment)");
            }
            return command.strip();
        }
    }
}
