package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a wg-quick config as wg-quick does: sections, {@code Key = Value}, {@code #} comments, keys in any case. */
final class WgConfigParser {
    private static final Set<String> REPEATABLE = Set.of("address", "dns", "preup", "postup", "predown", "postdown",
            "allowedips");

    private WgInterface.Builder iface;
    private WgPeer.Builder peer;
    private final List<WgPeer> peers = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int line;
    private boolean peerHasKey;

    private WgConfigParser() {}

    static WgConfig parse(String text) {
        return new WgConfigParser().read(text);
    }

    private WgConfig read(String text) {
        String[] lines = text.split("\\R", -1);
        for (line = 1; line <= lines.length; line++) {
            String raw = lines[line - 1];
            String stripped = raw.strip();
            try {
                if (stripped.startsWith("#")) {
                    if (peer != null && !peerHasKey && stripped.length() > 1) {
                        peer.name(stripped.substring(1).strip());
                    }
                    continue;
                }
                int hash = stripped.indexOf('#');
                String content = (hash < 0 ? stripped : stripped.substring(0, hash)).strip();
                if (content.isEmpty()) {
                    continue;
                }
                if (content.startsWith("[")) {
                    section(content);
                } else {
                    keyValue(content);
                }
            } catch (NetException e) {
                throw NetException.invalid(e.field(), "line " + line + ": " + e.getMessage().substring(
                        e.field().length() + 2));
            }
        }
        line = lines.length;
        finishPeer();
        if (iface == null) {
            throw NetException.invalid("Interface", "the config has no [Interface] section");
        }
        return new WgConfig(iface.build(), peers);
    }

    private void section(String header) {
        finishPeer();
        seen.clear();
        switch (header.toLowerCase(Locale.ROOT)) {
            case "[interface]" -> {
                if (iface != null) {
                    throw NetException.invalid("Interface", "a second [Interface] section: a config has one");
                }
                iface = WgInterface.builder();
            }
            case "[peer]" -> {
                peer = WgPeer.builder();
                peerHasKey = false;
            }
            default -> throw NetException.invalid(header, "unknown section: a wg-quick config has [Interface] and"
                    + " [Peer] sections");
        }
    }

    private void keyValue(String content) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw NetException.invalid(content, "expected Key = Value");
        }
        String key = content.substring(0, equals).strip();
        String value = content.substring(equals + 1).strip();
        String lower = key.toLowerCase(Locale.ROOT);
        String section = peer != null ? "Peer" : "Interface";
        String field = section + "." + key;
        if (iface == null && peer == null) {
            throw NetException.invalid(key, "comes before any [Interface] or [Peer] section");
        }
        if (!seen.add(lower) && !REPEATABLE.contains(lower)) {
            throw NetException.invalid(field, "is given twice in one section");
        }
        if (peer != null) {
            peerKey(lower, field, value);
        } else {
            interfaceKey(lower, field, value);
        }
    }

    private void interfaceKey(String key, String field, String value) {
        switch (key) {
            case "privatekey" -> iface.privateKey(WgKey.parse(WgKey.Kind.PRIVATE, "Interface.PrivateKey", value));
            case "address" -> iface.address(list(value));
            case "listenport" -> iface.listenPort(number(field, value));
            case "dns" -> iface.dns(list(value));
            case "mtu" -> iface.mtu(number(field, value));
            case "table" -> iface.table(value);
            case "preup" -> iface.preUp(value);
            case "postup" -> iface.postUp(value);
            case "predown" -> iface.preDown(value);
            case "postdown" -> iface.postDown(value);
            case "saveconfig" -> iface.saveConfig(bool(field, value));
            default -> throw unknown(field, "PrivateKey, Address, ListenPort, DNS, MTU, Table, PreUp, PostUp, PreDown,"
                    + " PostDown, SaveConfig");
        }
    }

    private void peerKey(String key, String field, String value) {
        peerHasKey = true;
        switch (key) {
            case "publickey" -> peer.publicKey(value);
            case "presharedkey" -> peer.presharedKey(WgKey.parse(WgKey.Kind.PRESHARED, "Peer.PresharedKey", value));
            case "allowedips" -> peer.allowedIps(list(value));
            case "endpoint" -> peer.endpoint(value);
            case "persistentkeepalive" -> {
                if (!value.equalsIgnoreCase("off")) {
                    peer.persistentKeepalive(number(field, value));
                }
            }
            default -> throw unknown(field, "PublicKey, PresharedKey, AllowedIPs, Endpoint, PersistentKeepalive");
        }
    }

    private void finishPeer() {
        if (peer != null) {
            peers.add(peer.build());
            peer = null;
        }
    }

    private static String[] list(String value) {
        return value.split("\\s*,\\s*");
    }

    private static int number(String field, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw NetException.invalid(field, "'" + value + "' is not a number");
        }
        return Integer.parseInt(value);
    }

    private static boolean bool(String field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw NetException.invalid(field, "'" + value + "' must be true or false");
        };
    }

    private static NetException unknown(String field, String known) {
        return NetException.invalid(field, "unknown key: this section takes " + known);
    }
}
