package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.Sha256;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.PrivateFile;
import io.github.rngops.he300.net.wireguard.Endpoint;
import io.github.rngops.he300.net.wireguard.InterfaceName;
import io.github.rngops.he300.net.wireguard.WgConfig;
import io.github.rngops.he300.net.wireguard.WgInterface;
import io.github.rngops.he300.net.wireguard.WgKey;
import io.github.rngops.he300.net.wireguard.WgPeer;
import io.github.rngops.he300.net.wireguard.WireGuard;
import io.github.rngops.he300.provision.config.NetworkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The WireGuard mode, done by install: the host's private key is generated on the host ({@code wg genkey}, 0600)
 * and never leaves it; the host's config is written there with that key inserted by the host's shell (the rest of
 * the config travels on standard input); {@code wg-quick up} (or {@code wg syncconf} when it was up); and the
 * runner's config, with the host's public key, written on this machine with mode 0600. The runner's key is made
 * here and kept in that file, unless {@code network.wireguard.peer_public_key} says the runner has its own.
 */
final class WireGuardSetup {
    /** Prints: {@code up}/{@code down}; the config's SHA-256 without its PrivateKey line, or {@code missing}; the
     * host's public key, or {@code nokey}. Arguments: interface, key file, config file. */
    static final String STATE_SCRIPT = "if wg show \"$1\" >/dev/null 2>&1; then echo up; else echo down; fi; "
            + "if [ -f \"$3\" ]; then h=$(grep -v '^PrivateKey = ' \"$3\" | sha256sum); echo \"${h%% *}\"; "
            + "else echo missing; fi; if [ -s \"$2\" ]; then wg pubkey < \"$2\"; else echo nokey; fi";
    /** Makes the host's key once (0600) and prints its public key. Argument: the key file. */
    static final String KEY_SCRIPT = "set -e; umask 077; mkdir -p -- \"$(dirname -- \"$1\")\"; "
            + "[ -s \"$1\" ] || wg genkey > \"$1\"; wg pubkey < \"$1\"";
    /**
     * Writes the config from standard input with {@code PrivateKey = <the key file>} after its first line (read by
     * the shell's builtins, never on a command line); prints {@code changed}/{@code unchanged}. Arguments: key file,
     * config file.
     */
    static final String WRITE_SCRIPT = "set -e; umask 077; tmp=\"$2.he300-tmp.$$\"; key=$(cat -- \"$1\"); "
            + "{ IFS= read -r first; printf '%s\\nPrivateKey = %s\\n' \"$first\" \"$key\"; cat; } > \"$tmp\"; "
            + "chmod 600 \"$tmp\"; if [ -f \"$2\" ] && cmp -s \"$tmp\" \"$2\"; then rm -f \"$tmp\"; echo unchanged; "
            + "else mv -f \"$tmp\" \"$2\"; echo changed; fi";

    private final Host host;
    private final NetworkConfig.WireGuard wg;
    private final InterfaceName name;
    private final WireGuard tools;

    WireGuardSetup(Host host) {
        this.host = host;
        this.wg = host.config().network().wireguard();
        this.name = InterfaceName.of(wg.interfaceName());
        this.tools = WireGuard.builder().runner((command, out, err) -> host.look(command))   // commands only
                .configDir(Path.of(host.path(WireGuard.DEFAULT_CONFIG_DIR.toString()))).sudo(true).build();
    }

    /** What the host and this machine have now. */
    record State(boolean up, String configHash, Optional<WgKey> hostPublicKey) {}

    State state() {
        Command look = Command.builder("sh").args("-c", STATE_SCRIPT, "sh", name.value(), keyFile(), configFile())
                .sudo(true).build();
        List<String> lines = host.remember(look.shellLine(), () -> host.look(look).orThrow(look).stdout().lines()
                .toList());
        if (lines.size() != 3) {
            throw new IllegalStateException("the WireGuard state script printed " + lines.size() + " lines, not 3");
        }
        Optional<WgKey> key = lines.get(2).strip().equals("nokey") ? Optional.empty()
                : Optional.of(WgKey.parse(WgKey.Kind.PUBLIC, "host public key", lines.get(2).strip()));
        return new State(lines.get(0).strip().equals("up"), lines.get(1).strip(), key);
    }

    /** Empty when all is in place; else what is missing. */
    Optional<String> missing() {
        State state = state();
        if (state.hostPublicKey().isEmpty()) {
            return Optional.of("no host key yet");
        }
        WgKey runner = runnerPublicKey(false).orElse(null);
        if (runner == null) {
            return Optional.of("no runner key yet (" + runnerConfig() + ")");
        }
        if (!state.configHash().equals(Sha256.hex(hostBody(runner).getBytes(StandardCharsets.UTF_8)))) {
            return Optional.of(state.configHash().equals("missing") ? "no host config" : "host config differs");
        }
        if (!state.up()) {
            return Optional.of(name + " is down");
        }
        Optional<String> local = runnerConfigText(state.hostPublicKey().get());
        if (local.isPresent() && !local.get().equals(read(runnerConfig()).orElse(""))) {
            return Optional.of("runner config " + runnerConfig() + " to write");
        }
        return Optional.empty();
    }

    List<Planned> plan() {
        return List.of(
                Planned.note("make the host's WireGuard key on the host if it has none (wg genkey, 0600, "
                        + keyFile() + "); it never leaves the host"),
                Planned.note("write " + configFile() + " (0600): " + host.config().network().wireguard().address()
                        + " :" + wg.listenPort() + ", the runner as peer; the key inserted by the host's shell"),
                Planned.run("bring " + name + " up (or reload it)", tools.upCommand(name)),
                Planned.note("write the runner's config " + runnerConfig() + " (0600) with the host's public key"));
    }

    String apply() {
        Command keygen = Command.builder("sh").args("-c", KEY_SCRIPT, "sh", keyFile()).sudo(true).build();
        WgKey hostPublic = WgKey.parse(WgKey.Kind.PUBLIC, "host public key",
                host.runChecked(keygen).stdout().strip());
        WgKey runner = runnerPublicKey(true).orElseThrow();
        Command write = Command.builder("sh").args("-c", WRITE_SCRIPT, "sh", keyFile(), configFile())
                .stdin(hostBody(runner).getBytes(StandardCharsets.UTF_8)).sudo(true).build();
        boolean changed = host.runChecked(write).stdout().strip().equals("changed");
        boolean up = host.look(Command.builder("wg").args("show", name.value()).sudo(true).build()).ok();
        boolean units = host.systemd() && host.root().isEmpty();   // wg-quick@ reads /etc/wireguard only
        if (!up) {
            host.runChecked(units ? tools.enableCommand(name) : tools.upCommand(name));   // up now (and at boot)
        } else {
            if (changed) {
                host.runChecked(tools.reloadCommand(name));
            }
            if (units) {
                host.runChecked(Command.builder("systemctl").args("enable", "wg-quick@" + name.value()).sudo(true)
                        .build());
            }
        }
        String detail = name + " up on " + wg.address() + ", host public key " + hostPublic.base64();
        Optional<String> local = runnerConfigText(hostPublic);
        if (local.isPresent()) {
            PrivateFile.write(runnerConfig(), local.get().getBytes(StandardCharsets.UTF_8));
            return detail + "; runner config " + runnerConfig() + " (0600): wg-quick up " + runnerConfig();
        }
        return detail + "; put it in your runner's config as its peer (peer_public_key is the runner's own)";
    }

    /**
     * The host's config without its PrivateKey line (the host inserts its own), as WgConfig renders it: rendered
     * with a throwaway key whose line is then dropped, so the rest is exactly WgConfig's format.
     */
    private String hostBody(WgKey runnerPublic) {
        WgPeer.Builder peer = WgPeer.builder().name("he300 runner").publicKey(runnerPublic)
                .persistentKeepalive(25);
        wg.peerAllowedIps().forEach(peer::allowedIp);
        wg.peerEndpoint().ifPresent(peer::endpoint);
        WgInterface iface = WgInterface.builder().privateKey(WgKey.generatePrivate(new SecureRandom()))
                .address(wg.address()).listenPort(wg.listenPort()).build();
        return new WgConfig(iface, List.of(peer.build())).render().lines()
                .filter(line -> !line.startsWith("PrivateKey = ")).reduce(new StringBuilder(),
                        (out, line) -> out.append(line).append('\n'), StringBuilder::append).toString();
    }

    /** The runner's config for this host, when the runner's key is ours (kept in that file). */
    private Optional<String> runnerConfigText(WgKey hostPublic) {
        return runnerPrivateKey(false).map(key -> {
            Cidr runnerAddress = wg.peerAllowedIps().get(0);
            WgInterface iface = WgInterface.builder().privateKey(key)
                    .address(new Cidr(runnerAddress.address(), wg.address().prefix())).build();
            WgPeer peer = WgPeer.builder().name("GPU host " + host.config().target().host()).publicKey(hostPublic)
                    .allowedIp(wg.address().host())
                    .endpoint(new Endpoint(host.config().target().host(), wg.listenPort()))
                    .persistentKeepalive(25).build();
            return new WgConfig(iface, List.of(peer)).render();
        });
    }

    private Optional<WgKey> runnerPublicKey(boolean create) {
        if (wg.peerPublicKey().isPresent()) {
            return wg.peerPublicKey();
        }
        return runnerPrivateKey(create).map(WgKey::publicKey);
    }

    /** The runner's private key from its config here; made (and kept) when {@code create} and there is none. */
    private Optional<WgKey> runnerPrivateKey(boolean create) {
        if (wg.peerPublicKey().isPresent()) {
            return Optional.empty();
        }
        Optional<String> text = read(runnerConfig());
        if (text.isPresent()) {
            return Optional.of(WgConfig.parse(text.get()).iface().privateKey());
        }
        if (!create) {
            return Optional.empty();
        }
        WgKey key = WgKey.generatePrivate(new SecureRandom());
        // kept at once, so that the host's peer and the runner's config agree even if a later command fails
        PrivateFile.write(runnerConfig(), new WgConfig(WgInterface.builder().privateKey(key)
                .address(new Cidr(wg.peerAllowedIps().get(0).address(), wg.address().prefix())).build(), List.of())
                .render().getBytes(StandardCharsets.UTF_8));
        return Optional.of(key);
    }

    /** {@code <runner dir>/<host>/<interface>.conf}: named so that {@code wg-quick up <file>} makes that interface. */
    private Path runnerConfig() {
        return host.runnerDir().resolve(host.config().target().host()).resolve(name.value() + ".conf");
    }

    private String keyFile() {
        return host.path(WireGuard.DEFAULT_CONFIG_DIR + "/" + name.value() + ".key");
    }

    private String configFile() {
        return tools.configPath(name).toString();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
