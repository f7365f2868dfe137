package io.github.rngops.he300.net.wireguard;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.PrivateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Applies WireGuard configs on a host through a {@link CommandRunner} (this machine, or a host over SSH): install
 * the config with mode 0600, bring the interface up or down with {@code wg-quick} or systemd, reload it without
 * dropping the tunnel ({@code wg syncconf}), and read its health from {@code wg show <if> dump}.
 *
 * <pre>{@code
 * WireGuard wireGuard = WireGuard.builder().runner(LocalRunner.create()).build();
 * InterfaceName wg0 = InterfaceName.of("wg0");
 * wireGuard.install(wg0, config);     // /etc/wireguard/wg0.conf, 0600
 * wireGuard.up(wg0);                  // wg-quick up; falls back to wireguard-go without the kernel module
 * wireGuard.health(wg0);              // [HEALTHY] once the peer has shaken hands
 * }</pre>
 *
 * <p>Every action has a {@code ...Command} twin returning the command without running it, for dry runs.
 */
public final class WireGuard {
    /** Where wg-quick and {@code wg-quick@.service} look for {@code <if>.conf}. */
    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/wireguard");

    private final CommandRunner runner;
    private final Path configDir;
    private final boolean sudo;
    private final String userspaceImplementation;
    private final Duration timeout;
    private final Clock clock;
    private final Duration staleAfter;

    private WireGuard(Builder builder) {
        runner = builder.runner;
        configDir = builder.configDir;
        sudo = builder.sudo;
        userspaceImplementation = builder.userspaceImplementation;
        timeout = builder.timeout;
        clock = builder.clock;
        staleAfter = builder.staleAfter;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return where the config of {@code name} is installed: {@code <config dir>/<name>.conf} on the host}
     *
     * @param name the interface
     */
    public Path configPath(InterfaceName name) {
        return configDir.resolve(name.value() + ".conf");
    }

    /**
     * Writes the config to {@link #configPath} on the host with mode 0600 (the content, private key included, goes
     * on stdin). A running interface is not changed: {@link #reload} applies the file.
     *
     * @param name the interface
     * @param config the config to install
     * @throws io.github.rngops.he300.core.command.CommandException if writing fails or times out
     */
    public void install(InterfaceName name, WgConfig config) {
        runner.runChecked(installCommand(name, config));
    }

    /**
     * {@return the command {@link #install} runs; its display line shows the byte count, never the keys}
     *
     * @param name the interface
     * @param config the config to install
     */
    public Command installCommand(InterfaceName name, WgConfig config) {
        return PrivateFile.installCommand(configPath(name), config.render().getBytes(StandardCharsets.UTF_8), sudo)
                .toBuilder().timeout(timeout).build();
    }

    /**
     * Brings the interface up: {@code wg-quick up <config path>}. Without the kernel module, wg-quick starts the
     * userspace implementation.
     *
     * @param name the interface, its config installed
     * @throws io.github.rngops.he300.core.command.CommandException if wg-quick fails (already up, a bad config, no
     *     WireGuard at all) or times out
     */
    public void up(InterfaceName name) {
        runner.runChecked(upCommand(name));
    }

    /**
     * {@return the command {@link #up} runs}
     *
     * @param name the interface
     */
    public Command upCommand(InterfaceName name) {
        return wgQuick("up", name);
    }

    /**
     * Takes the interface down: {@code wg-quick down <config path>}.
     *
     * @param name the interface
     * @throws io.github.rngops.he300.core.command.CommandException if wg-quick fails (not up) or times out
     */
    public void down(InterfaceName name) {
        runner.runChecked(downCommand(name));
    }

    /**
     * {@return the command {@link #down} runs}
     *
     * @param name the interface
     */
    public Command downCommand(InterfaceName name) {
        return wgQuick("down", name);
    }

    /**
     * {@code systemctl enable --now wg-quick@<if>}: up now and at every boot.
     *
     * @param name the interface, its config installed in {@link #DEFAULT_CONFIG_DIR}
     * @throws NetException if another config dir was set (the systemd unit reads only the default one)
     * @throws io.github.rngops.he300.core.command.CommandException if systemctl fails or times out
     */
    public void enable(InterfaceName name) {
        runner.runChecked(enableCommand(name));
    }

    /**
     * {@return the command {@link #enable} runs}
     *
     * @param name the interface
     * @throws NetException if another config dir was set
     */
    public Command enableCommand(InterfaceName name) {
        return systemctl(name, "enable", "--now");
    }

    /**
     * {@code systemctl disable --now wg-quick@<if>}: down now and not started at boot.
     *
     * @param name the interface
     * @throws NetException if another config dir was set
     * @throws io.github.rngops.he300.core.command.CommandException if systemctl fails or times out
     */
    public void disable(InterfaceName name) {
        runner.runChecked(disableCommand(name));
    }

    /**
     * {@return the command {@link #disable} runs}
     *
     * @param name the interface
     * @throws NetException if another config dir was set
     */
    public Command disableCommand(InterfaceName name) {
        return systemctl(name, "disable", "--now");
    }

    /**
     * Applies the installed config to the running interface without dropping it: peers added, removed or changed,
     * established sessions kept. {@code wg syncconf <if> <(wg-quick strip <path>)} through bash, which the process
     * substitution needs; both values travel as bash's positional parameters, never inside the script.
     *
     * @param name the interface, up, its new config installed
     * @throws io.github.rngops.he300.core.command.CommandException if the interface is not up, the config is refused
     *     or the command times out
     */
    public void reload(InterfaceName name) {
        runner.runChecked(reloadCommand(name));
    }

    /**
     * {@return the command {@link #reload} runs}
     *
     * @param name the interface
     */
    public Command reloadCommand(InterfaceName name) {
        return Command.builder("bash").args("-c", "set -o pipefail; wg syncconf \"$1\" <(wg-quick strip \"$2\")",
                "bash", name.value(), configPath(name).toString()).sudo(sudo).timeout(timeout).build();
    }

    /**
     * {@return the interface's state from {@code wg show <if> dump}}
     *
     * @param name the interface
     * @throws io.github.rngops.he300.core.command.CommandException if {@code wg} fails (the interface is not up)
     * @throws NetException if the dump cannot be read
     */
    public WgStatus status(InterfaceName name) {
        return WgStatus.parseDump(name.value(), runner.runChecked(statusCommand(name)).stdout());
    }

    /**
     * {@return the command {@link #status} runs; its output goes to {@link WgStatus#parseDump}}
     *
     * @param name the interface
     */
    public Command statusCommand(InterfaceName name) {
        return Command.builder("wg").args("show", name.value(), "dump").sudo(sudo).timeout(timeout).build();
    }

    /**
     * {@return each peer's verdict, in the order of {@link #status}, by the injected clock and stale limit}
     *
     * @param name the interface
     * @throws io.github.rngops.he300.core.command.CommandException if {@code wg} fails (the interface is not up)
     * @throws NetException if the dump cannot be read
     */
    public List<WgStatus.Health> health(InterfaceName name) {
        return status(name).health(clock, staleAfter);
    }

    private Command wgQuick(String action, InterfaceName name) {
        Command.Builder command = Command.builder("wg-quick").args(action, configPath(name).toString()).sudo(sudo)
                .timeout(timeout);
        if (userspaceImplementation != null) {
            command.env("WG_QUICK_USERSPACE_IMPLEMENTATION", userspaceImplementation);
        }
        return command.build();
    }

    private Command systemctl(InterfaceName name, String... action) {
        if (!configDir.equals(DEFAULT_CONFIG_DIR)) {
            throw NetException.invalid("configDir", "wg-quick@" + name + ".service reads " + DEFAULT_CONFIG_DIR
                    + ", not " + configDir + ": install there, or use up/down");
        }
        return Command.builder("systemctl").args(action).arg("wg-quick@" + name.value()).sudo(sudo).timeout(timeout)
                .build();
    }

    /** Makes a {@link WireGuard}. */
    public static final class Builder {
        private CommandRunner runner;
        private Path configDir = DEFAULT_CONFIG_DIR;
        private boolean sudo = true;
        private String userspaceImplementation;
        private Duration timeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Duration staleAfter = WgStatus.DEFAULT_STALE_AFTER;

        private Builder() {}

        /**
         * Sets where commands run. Required.
         *
         * @param runner this machine ({@code LocalRunner}) or a host over SSH; every command goes through it
         * @return this builder
         */
        public Builder runner(CommandRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * Sets where configs go; default {@link #DEFAULT_CONFIG_DIR}.
         *
         * @param dir a directory on the runner's machine; {@link #enable} and {@link #disable} need the default
         * @return this builder
         */
        public Builder configDir(Path dir) {
            this.configDir = Objects.requireNonNull(dir, "configDir");
            return this;
        }

        /**
         * Sets whether commands need root (default true; a root runner ignores it).
         *
         * @param sudo whether the commands are marked {@code sudo}
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * The userspace implementation wg-quick starts when the kernel has no WireGuard module
         * ({@code WG_QUICK_USERSPACE_IMPLEMENTATION}); wg-quick falls back to {@code wireguard-go} by itself.
         *
         * @param program the program's name or path on the host, like {@code boringtun-cli}
         * @return this builder
         * @throws NetException if it is blank
         */
        public Builder userspaceImplementation(String program) {
            if (program.isBlank()) {
                throw NetException.invalid("userspaceImplementation", "must name a program, like wireguard-go");
            }
            this.userspaceImplementation = program;
            return this;
        }

        /**
         * Sets how long each command may take; default 60 s.
         *
         * @param timeout positive; a command still running after it is killed
         * @return this builder
         * @throws NetException if it is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw NetException.invalid("timeout", "must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the clock handshake ages are measured by.
         *
         * @param clock the clock {@link #health} compares handshake times with; the system's UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets a handshake older than this is {@link WgStatus.Health#STALE}; default 3 minutes.
         *
         * @param staleAfter positive; WireGuard re-handshakes every 2 minutes while traffic flows
         * @return this builder
         * @throws NetException if it is zero or negative
         */
        public Builder staleAfter(Duration staleAfter) {
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw NetException.invalid("staleAfter", "must be positive, was " + staleAfter);
            }
            this.staleAfter = staleAfter;
            return this;
        }

        /**
         * {@return the {@link WireGuard} these settings describe}
         *
         * @throws NetException if the runner is missing
         */
        public WireGuard build() {
            if (runner == null) {
                throw NetException.invalid("runner", "is missing: LocalRunner.create() runs on this machine");
            }
            return new WireGuard(this);
        }
    }
}
