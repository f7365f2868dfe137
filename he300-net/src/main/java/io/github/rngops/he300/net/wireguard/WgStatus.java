package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.NetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An interface's state as {@code wg show <if> dump} prints it: the interface line, then one tab-separated line per
 * peer. The private key (second column of the interface line) is read past and kept nowhere; for a peer only
 * whether a preshared key is set is kept.
 *
 * <pre>{@code
 * WgStatus status = WgStatus.parseDump("wg0", result.stdout());
 * for (WgStatus.Peer peer : status.peers()) {
 *     System.out.println(peer.publicKey() + " " + peer.health(clock.instant(), WgStatus.DEFAULT_STALE_AFTER));
 * }
 * }</pre>
 *
 * @param interfaceName the interface
 * @param publicKey the interface's public key
 * @param listenPort its UDP port (0 in the dump when not listening)
 * @param peers one entry per peer, in the dump's order
 */
public record WgStatus(String interfaceName, WgKey publicKey, int listenPort, List<Peer> peers) {
    /** Older than this, a handshake is stale: WireGuard re-handshakes every 2 minutes while traffic flows. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(3);

    /**
     * Copies the peers.
     *
     * @param interfaceName the interface
     * @param publicKey the interface's public key
     * @param listenPort its UDP port (0 in the dump when not listening)
     * @param peers one entry per peer, in the dump's order
     */
    public WgStatus {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(publicKey, "publicKey");
        peers = List.copyOf(peers);
    }

    /** A peer's verdict. */
    public enum Health {
        /** No handshake yet: wrong keys, wrong endpoint, blocked UDP, or the peer is down. */
        NO_HANDSHAKE,
        /** There was a handshake, but longer ago than the stale limit. */
        STALE,
        /** A recent handshake. */
        HEALTHY
    }

    /**
     * One peer line.
     *
     * @param publicKey the peer's public key
     * @param hasPresharedKey whether a preshared key is configured (the key itself is not kept)
     * @param endpoint the peer's current endpoint, if known
     * @param allowedIps the allowed IPs as printed
     * @param latestHandshake when the last handshake completed; empty if never (0 in the dump)
     * @param rxBytes bytes received from the peer
     * @param txBytes bytes sent to the peer
     * @param persistentKeepalive seconds; empty when off
     */
    public record Peer(WgKey publicKey, boolean hasPresharedKey, Optional<String> endpoint, List<String> allowedIps,
            Optional<Instant> latestHandshake, long rxBytes, long txBytes, OptionalInt persistentKeepalive) {
        /**
         * Copies the allowed IPs.
         *
         * @param publicKey the peer's public key
         * @param hasPresharedKey whether a preshared key is configured (the key itself is not kept)
         * @param endpoint the peer's current endpoint, if known
         * @param allowedIps the allowed IPs as printed
         * @param latestHandshake when the last handshake completed; empty if never (0 in the dump)
         * @param rxBytes bytes received from the peer
         * @param txBytes bytes sent to the peer
         * @param persistentKeepalive seconds; empty when off
         */
        public Peer {
            allowedIps = List.copyOf(allowedIps);
        }

        /**
         * {@return how long ago the last handshake was, if there was one}
         *
         * @param now the current time, from the caller's clock
         */
        public Optional<Duration> handshakeAge(Instant now) {
            return latestHandshake.map(at -> Duration.between(at, now));
        }

        /**
         * The peer's verdict: no handshake, stale, or healthy.
         *
         * @param now the current time, from the caller's clock
         * @param staleAfter how old a handshake may be and still count, like {@link #DEFAULT_STALE_AFTER}
         * @return the verdict
         */
        public Health health(Instant now, Duration staleAfter) {
            return latestHandshake.isEmpty() ? Health.NO_HANDSHAKE
                    : handshakeAge(now).orElseThrow().compareTo(staleAfter) > 0 ? Health.STALE : Health.HEALTHY;
        }
    }

    /**
     * {@return the verdict for each peer, in order, at the clock's current time}
     *
     * @param clock the clock the handshake ages are measured by
     * @param staleAfter how old a handshake may be and still count, like {@link #DEFAULT_STALE_AFTER}
     */
    public List<Health> health(Clock clock, Duration staleAfter) {
        Instant now = clock.instant();
        return peers.stream().map(peer -> peer.health(now, staleAfter)).toList();
    }

    /**
     * {@return the peer with this public key, if the interface has it}
     *
     * @param publicKey the peer's public key
     */
    public Optional<Peer> peer(WgKey publicKey) {
        return peers.stream().filter(peer -> peer.publicKey().equals(publicKey)).findFirst();
    }

    /**
     * Reads the output of {@code wg show <if> dump}. The output of {@code wg show all dump} (each line prefixed by
     * the interface name) is read too; then only {@code interfaceName}'s lines are kept.
     *
     * @param interfaceName the interface the dump is of
     * @param dump the command's standard output
     * @return the interface's state
     * @throws NetException if the dump is empty, lacks the interface, or a line has the wrong number of fields or a
     *     field that is not a number or key
     */
    public static WgStatus parseDump(String interfaceName, String dump) {
        List<String[]> rows = new ArrayList<>();
        for (String line : dump.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        if (rows.isEmpty()) {
            throw NetException.unreadable("wg show " + interfaceName + " dump", "line 1",
                    "the output is empty: is the interface up?");
        }
        boolean all = rows.get(0).length == 5;
        if (all) {
            rows.removeIf(row -> !row[0].equals(interfaceName));
            rows.replaceAll(row -> Arrays.copyOfRange(row, 1, row.length));
            if (rows.isEmpty()) {
                throw NetException.unreadable("wg show all dump", "line 1", "no interface named " + interfaceName);
            }
        }
        String[] head = rows.get(0);
        if (head.length != 4) {
            throw NetException.unreadable("wg show " + interfaceName + " dump", "line 1", "the interface line has "
                    + head.length + " tab-separated fields, expected 4 (private key, public key, port, fwmark)");
        }
        WgKey publicKey = WgKey.parse(WgKey.Kind.PUBLIC, "wg show dump: interface public key", head[1]);
        int port = (int) number(interfaceName, 1, "listen port", head[2]);
        List<Peer> peers = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            peers.add(peer(interfaceName, i + 1, rows.get(i)));
        }
        return new WgStatus(interfaceName, publicKey, port, peers);
    }

    private static Peer peer(String interfaceName, int line, String[] row) {
        if (row.length != 8) {
            throw NetException.unreadable("wg show " + interfaceName + " dump", "line " + line, "a peer line has "
                    + row.length + " tab-separated fields, expected 8");
        }
        WgKey key = WgKey.parse(WgKey.Kind.PUBLIC, "wg show dump line " + line + ": peer public key", row[0]);
        long handshake = number(interfaceName, line, "latest handshake", row[4]);
        return new Peer(key, !row[1].equals("(none)"),
                row[2].equals("(none)") ? Optional.empty() : Optional.of(row[2]),
                row[3].equals("(none)") || row[3].isEmpty() ? List.of() : List.of(row[3].split(",")),
                handshake == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(handshake)),
                number(interfaceName, line, "rx bytes", row[5]), number(interfaceName, line, "tx bytes", row[6]),
                row[7].equals("off") ? OptionalInt.empty()
                        : OptionalInt.of((int) number(interfaceName, line, "keepalive", row[7])));
    }

    private static long number(String interfaceName, int line, String what, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw NetException.unreadable("wg show " + interfaceName + " dump", "line " + line,
                    what + " '" + text + "' is not a number");
        }
    }
}
