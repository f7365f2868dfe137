package io.github.rngops.he300.net.tailscale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code tailscale status --json} says: the backend state, this node and its peers. Only the fields he300
 * uses are read; unknown ones are ignored, so newer tailscale versions still parse.
 *
 * @param backendState {@code Running}, {@code NeedsLogin}, {@code NeedsMachineAuth}, {@code Stopped}, {@code Starting}, ...
 * @param authUrl where to log in, when {@code NeedsLogin}
 * @param self this node
 * @param peers the other nodes of the tailnet, sorted by host name
 */
public record TailscaleStatus(String backendState, Optional<String> authUrl, Optional<Node> self, List<Node> peers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A node of the tailnet.
     *
     * @param hostName the machine's host name
     * @param dnsName its MagicDNS name, without the trailing dot
     * @param tailscaleIps its tailnet addresses, IPv4 first as tailscale lists them
     * @param online whether the coordination server sees it
     * @param tags its ACL tags
     */
    public record Node(String hostName, String dnsName, List<String> tailscaleIps, boolean online, List<String> tags) {
        /**
         * Copies the addresses and tags.
         *
         * @param hostName the machine's host name
         * @param dnsName its MagicDNS name, without the trailing dot
         * @param tailscaleIps its tailnet addresses, IPv4 first as tailscale lists them
         * @param online whether the coordination server sees it
         * @param tags its ACL tags
         */
        public Node {
            tailscaleIps = List.copyOf(tailscaleIps);
            tags = List.copyOf(tags);
        }

        /** {@return the node's tailnet IPv4 address (in 100.64.0.0/10)} */
        public Optional<String> ipv4() {
            return tailscaleIps.stream().filter(ip -> !ip.contains(":")).findFirst();
        }

        /** {@return the node's tailnet IPv6 address (in fd7a:115c:a1e0::/48)} */
        public Optional<String> ipv6() {
            return tailscaleIps.stream().filter(ip -> ip.contains(":")).findFirst();
        }
    }

    /**
     * Copies the peers.
     *
     * @param backendState {@code Running}, {@code NeedsLogin}, {@code NeedsMachineAuth}, {@code Stopped}, ...
     * @param authUrl where to log in, when {@code NeedsLogin}
     * @param self this node
     * @param peers the other nodes of the tailnet, sorted by host name
     */
    public TailscaleStatus {
        peers = List.copyOf(peers);
    }

    /** {@return whether the node is connected and logged in: state {@code Running} and its addresses assigned} */
    public boolean running() {
        return backendState.equals("Running") && self.map(node -> !node.tailscaleIps().isEmpty()).orElse(false);
    }

    /**
     * Finds a peer by name, ignoring case.
     *
     * @param name a host name, or a MagicDNS name with or without the tailnet suffix
     * @return the first peer of that name, if the tailnet has one
     */
    public Optional<Node> peer(String name) {
        return peers.stream().filter(node -> node.hostName().equalsIgnoreCase(name)
                || node.dnsName().equalsIgnoreCase(name) || node.dnsName().toLowerCase().startsWith(name.toLowerCase() + "."))
                .findFirst();
    }

    /**
     * Reads the JSON that {@code tailscale status --json} prints; fields he300 does not use are ignored.
     *
     * @param json the command's standard output
     * @return the status
     * @throws NetException if it is not JSON, or has no {@code BackendState}
     */
    public static TailscaleStatus parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw NetException.unreadable("tailscale status --json", "line " + e.getLocation().getLineNr(),
                    e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("BackendState").isTextual()) {
            throw NetException.unreadable("tailscale status --json", "top level", "no BackendState: is this the"
                    + " output of tailscale status --json?");
        }
        String authUrl = root.path("AuthURL").asText("");
        JsonNode self = root.path("Self");
        List<Node> peers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("Peer").properties()) {
            peers.add(node(entry.getValue()));
        }
        peers.sort((a, b) -> a.hostName().compareToIgnoreCase(b.hostName()));
        return new TailscaleStatus(root.path("BackendState").asText(),
                authUrl.isEmpty() ? Optional.empty() : Optional.of(authUrl),
                self.isObject() ? Optional.of(node(self)) : Optional.empty(), peers);
    }

    private static Node node(JsonNode node) {
        String dnsName = node.path("DNSName").asText("");
        return new Node(node.path("HostName").asText(""), dnsName.endsWith(".") ? dnsName.substring(0,
                dnsName.length() - 1) : dnsName, texts(node.path("TailscaleIPs")), node.path("Online").asBoolean(false),
                texts(node.path("Tags")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
