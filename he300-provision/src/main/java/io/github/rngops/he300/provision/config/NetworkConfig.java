package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.wireguard.Endpoint;
import io.github.rngops.he300.net.wireguard.WgKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the runner reaches the stack ({@code network:}), and so where the stack's ports are published.
 *
 * <ul>
 *   <li>{@link Mode#TUNNEL} (the default): nothing is exposed; every port is published on {@code 127.0.0.1} and the
 *       runner forwards local ports over the installer's SSH connection.</li>
 *   <li>{@link Mode#WIREGUARD}: CIRISNode, EthicsEngine and Ollama are published on the host's WireGuard address
 *       only.</li>
 *   <li>{@link Mode#TAILSCALE}: they are published on {@code 0.0.0.0}; the allowlist (by default Tailscale's
 *       100.64.0.0/10 and fd7a:115c:a1e0::/48) must be enforced in {@code DOCKER-USER}, since Docker bypasses
 *       ufw.</li>
 *   <li>{@link Mode#DIRECT}: with HTTPS, a reverse proxy on 443 fronts ports published on {@code 127.0.0.1}; without
 *       it, CIRISNode and EthicsEngine are published on {@code 0.0.0.0} and {@code security.allowed_ips} is
 *       required. Ollama is never exposed in direct mode.</li>
 * </ul>
 *
 * @param mode the mode
 * @param direct {@code network.direct}
 * @param wireguard {@code network.wireguard}
 * @param tailscale {@code network.tailscale}
 * @param tunnel {@code network.tunnel}
 */
public record NetworkConfig(Mode mode, Direct direct, WireGuard wireguard, Tailscale tailscale, Tunnel tunnel) {
    /** Loopback, where ports are published unless the mode exposes them. */
    public static final String LOOPBACK = "127.0.0.1";

    /** How the runner reaches the stack. */
    public enum Mode {
        /** Every port on loopback; the runner forwards over SSH (the default). */
        TUNNEL,
        /** Published for direct access: behind an HTTPS proxy, or on {@code 0.0.0.0} with an allowlist. */
        DIRECT,
        /** Published on the host's WireGuard address. */
        WIREGUARD,
        /** Published on {@code 0.0.0.0}, allowed to the tailnet's addresses only. */
        TAILSCALE;

        /** {@return the name as {@code network.mode} takes it: {@code tunnel}, {@code direct}...} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> labels() {
            return List.of("tunnel", "direct", "wireguard", "tailscale");
        }
    }

    /**
     * Direct HTTPS.
     *
     * @param https whether a TLS reverse proxy on 443 fronts the stack
     * @param certbot whether the certificate comes from Let's Encrypt through certbot
     * @param domain the certificate's domain (required with certbot)
     * @param email the Let's Encrypt account's address
     * @param production ask Let's Encrypt's production CA; else its staging CA ({@code --test-cert}), the default
     * @param acmeServer another ACME directory URL (a private CA), instead of Let's Encrypt's
     * @param acmeCaBundle on the host, the CA certificates certbot trusts for that ACME server's HTTPS
     */
    public record Direct(boolean https, boolean certbot, Optional<String> domain, Optional<String> email,
                         boolean production, Optional<String> acmeServer, Optional<String> acmeCaBundle) {
        /**
         * Checks that the optional components are given as {@link Optional}s.
         *
         * @param https whether a TLS reverse proxy fronts the stack
         * @param certbot whether the certificate comes from certbot
         * @param domain the certificate's domain, or empty
         * @param email the ACME account's address, or empty
         * @param production whether Let's Encrypt's production CA is asked
         * @param acmeServer another ACME directory URL, or empty
         * @param acmeCaBundle the CA bundle certbot trusts for it, or empty
         * @throws NullPointerException if an optional component is null
         */
        public Direct {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(acmeServer, "acmeServer");
            Objects.requireNonNull(acmeCaBundle, "acmeCaBundle");
        }
    }

    /**
     * The host's WireGuard interface.
     *
     * @param interfaceName {@code wg0}
     * @param listenPort UDP port (51820)
     * @param address the host's address on the VPN ({@code 10.0.0.2/24}); ports are published on it
     * @param peerPublicKey the runner's public key, if known now
     * @param peerEndpoint the runner's {@code host:port}, if it has a fixed one
     * @param peerAllowedIps the runner's VPN addresses ({@code 10.0.0.1/32})
     */
    public record WireGuard(String interfaceName, int listenPort, Cidr address, Optional<WgKey> peerPublicKey,
                            Optional<Endpoint> peerEndpoint, List<Cidr> peerAllowedIps) {
        /**
         * Checks the components, as the class description says of each.
         *
         * @param interfaceName {@code wg0}
         * @param listenPort UDP port (51820)
         * @param address the host's address on the VPN ({@code 10.0.0.2/24}); ports are published on it
         * @param peerPublicKey the runner's public key, if known now
         * @param peerEndpoint the runner's {@code host:port}, if it has a fixed one
         * @param peerAllowedIps the runner's VPN addresses ({@code 10.0.0.1/32})
         */
        public WireGuard {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(peerPublicKey, "peerPublicKey");
            Objects.requireNonNull(peerEndpoint, "peerEndpoint");
            peerAllowedIps = List.copyOf(peerAllowedIps);
        }
    }

    /**
     * Tailscale.
     *
     * @param authKey the auth key ({@code tailscale up --auth-key=file:...}); required in tailscale mode
     * @param hostname the node's name on the tailnet, if not the host's
     */
    public record Tailscale(Optional<Secret> authKey, Optional<String> hostname) {
        /**
         * Checks the components, as the class description says of each.
         *
         * @param authKey the auth key ({@code tailscale up --auth-key=file:...}); required in tailscale mode
         * @param hostname the node's name on the tailnet, if not the host's
         */
        public Tailscale {
            Objects.requireNonNull(authKey, "authKey");
            Objects.requireNonNull(hostname, "hostname");
        }
    }

    /**
     * The SSH tunnel: local ports on the runner forwarded to the host's loopback.
     *
     * @param cirisnode local port for CIRISNode
     * @param ethicsengine local port for EthicsEngine
     * @param ollama local port for Ollama
     */
    public record Tunnel(int cirisnode, int ethicsengine, int ollama) {}

    /**
     * Checks that every component is given.
     *
     * @param mode the mode
     * @param direct {@code network.direct}
     * @param wireguard {@code network.wireguard}
     * @param tailscale {@code network.tailscale}
     * @param tunnel {@code network.tunnel}
     * @throws NullPointerException if a component is null
     */
    public NetworkConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(wireguard, "wireguard");
        Objects.requireNonNull(tailscale, "tailscale");
        Objects.requireNonNull(tunnel, "tunnel");
    }

    /** {@return where exposed services are published: loopback, the WireGuard address, or {@code 0.0.0.0}} */
    public String exposedAddress() {
        return switch (mode) {
            case TUNNEL -> LOOPBACK;
            case WIREGUARD -> wireguard.address().addressText();
            case TAILSCALE -> "0.0.0.0";
            case DIRECT -> direct.https() ? LOOPBACK : "0.0.0.0";
        };
    }

    /** {@return whether the mode publishes Ollama beyond loopback (WireGuard and Tailscale do; direct never does)} */
    public boolean exposesOllama() {
        return mode == Mode.WIREGUARD || mode == Mode.TAILSCALE;
    }
}
