package io.github.rngops.he300.net.tailscale;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.PrivateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Joins a host to a tailnet: {@code tailscale up --auth-key=file:<path> --hostname=<name> --advertise-tags=...}. The
 * auth key is only ever in a 0600 file on the host (written through the runner, on standard input), so it never
 * appears on a command line, in {@code ps}, or in a dry run. {@code tailscale up} does not remember flags between
 * runs: every run passes all of them.
 *
 * <pre>{@code
 * Tailscale tailscale = Tailscale.builder().hostname("gpu-a10").tags("tag:he300").build();
 * tailscale.writeAuthKey(runner, authKey);   // /etc/he300/tailscale.key, 0600
 * tailscale.up(runner);
 * tailscale.status(runner).self().flatMap(TailscaleStatus.Node::ipv4);   // 100.x.y.z
 * }</pre>
 */
public final class Tailscale {
    /** Where the auth key is kept unless set otherwise. */
    public static final Path DEFAULT_AUTH_KEY_FILE = Path.of("/etc/he300/tailscale.key");
    private static final Pattern HOSTNAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern TAG = Pattern.compile("tag:[a-zA-Z0-9][a-zA-Z0-9-]*");

    private final String hostname;
    private final List<String> tags;
    private final Path authKeyFile;
    private final boolean sudo;
    private final Duration timeout;

    private Tailscale(Builder builder) {
        hostname = builder.hostname;
        tags = List.copyOf(builder.tags);
        authKeyFile = builder.authKeyFile;
        sudo = builder.sudo;
        timeout = builder.timeout;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the auth key to the key file with mode 0600 on the runner's host (the key travels on stdin).
     *
     * @param runner where the file is written: the host that joins
     * @param authKey the key from the admin console, {@code tskey-auth-...}; one line
     * @throws NetException if the key is empty or spans lines
     * @throws io.github.rngops.he300.core.command.CommandException if writing the file fails
     */
    public void writeAuthKey(CommandRunner runner, String authKey) {
        runner.runChecked(writeAuthKeyCommand(authKey));
    }

    /**
     * The command {@link #writeAuthKey} runs, for dry runs and plans; its display line never shows the key.
     *
     * @param authKey the key, {@code tskey-auth-...}; one line
     * @return a command writing the key to the key file, mode 0600, the key on standard input
     * @throws NetException if the key is empty or spans lines
     */
    public Command writeAuthKeyCommand(String authKey) {
        if (authKey == null || authKey.isBlank() || authKey.contains("\n")) {
            throw NetException.invalid("auth key", "must be one non-empty line (tskey-auth-...)");
        }
        return PrivateFile.installCommand(authKeyFile, (authKey.strip() + "\n").getBytes(StandardCharsets.UTF_8),
                sudo);
    }

    /**
     * Runs {@code tailscale up} ({@link #upCommand()}): the host joins the tailnet with the key file written before.
     *
     * @param runner where tailscale runs: the host that joins
     * @throws io.github.rngops.he300.core.command.CommandException if tailscale fails (a bad or used key, tags the
     *     key may not use) or outlives the timeout
     */
    public void up(CommandRunner runner) {
        runner.runChecked(upCommand());
    }

    /** {@return {@code tailscale up --auth-key=file:<path> --hostname=<name> [--advertise-tags=a,b]}} */
    public Command upCommand() {
        List<String> args = new ArrayList<>(List.of("up", "--auth-key=file:" + authKeyFile, "--hostname=" + hostname));
        if (!tags.isEmpty()) {
            args.add("--advertise-tags=" + String.join(",", tags));
        }
        return Command.builder("tailscale").args(args).sudo(sudo).timeout(timeout).build();
    }

    /**
     * Runs {@code tailscale status --json} ({@link #statusCommand()}) and reads it. Changes nothing.
     *
     * @param runner where tailscale runs
     * @return the backend state, this node and its peers
     * @throws io.github.rngops.he300.core.command.CommandException if tailscale fails (not installed, daemon down)
     * @throws NetException if the output is not tailscale's status JSON
     */
    public TailscaleStatus status(CommandRunner runner) {
        return TailscaleStatus.parse(runner.runChecked(statusCommand()).stdout());
    }

    /** {@return {@code tailscale status --json}, without sudo: reading the status needs no root} */
    public Command statusCommand() {
        return Command.builder("tailscale").args("status", "--json").timeout(timeout).build();
    }

    /** Makes a {@link Tailscale}. */
    public static final class Builder {
        private String hostname;
        private final List<String> tags = new ArrayList<>();
        private Path authKeyFile = DEFAULT_AUTH_KEY_FILE;
        private boolean sudo = true;
        private Duration timeout = Duration.ofMinutes(2);

        private Builder() {}

        /**
         * Sets the machine's name in the tailnet: a DNS label. Required.
         *
         * @param hostname 1 to 63 of {@code a-z A-Z 0-9 -}, not starting or ending with {@code -}, like {@code gpu-a10}
         * @return this builder
         * @throws NetException if it is not a DNS label
         */
        public Builder hostname(String hostname) {
            if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
                throw NetException.invalid("hostname", "'" + hostname + "' must be a DNS label: 1 to 63 of a-z 0-9 -,"
                        + " not starting or ending with -");
            }
            this.hostname = hostname;
            return this;
        }

        /**
         * Adds ACL tags to advertise ({@code --advertise-tags}); the auth key must be allowed to use them. Repeats are
         * ignored.
         *
         * @param tags each {@code tag:name}, like {@code tag:he300}
         * @return this builder
         * @throws NetException naming the first tag of another form
         */
        public Builder tags(String... tags) {
            for (String tag : tags) {
                if (!TAG.matcher(tag).matches()) {
                    throw NetException.invalid("tags", "'" + tag + "' must be tag:<name> (letters, digits, -)");
                }
                if (!this.tags.contains(tag)) {
                    this.tags.add(tag);
                }
            }
            return this;
        }

        /**
         * Sets where on the host the auth key is kept; default {@link Tailscale#DEFAULT_AUTH_KEY_FILE}.
         *
         * @param file a path without {@code ,} (tailscale reads {@code file:<path>})
         * @return this builder
         * @throws NetException if the path is blank or holds a comma
         */
        public Builder authKeyFile(Path file) {
            this.authKeyFile = Objects.requireNonNull(file, "authKeyFile");
            if (file.toString().contains(",") || file.toString().isBlank()) {
                throw NetException.invalid("authKeyFile", "'" + file + "' must be a path without ','");
            }
            return this;
        }

        /**
         * Sets whether writing the key and {@code tailscale up} run as root; true by default.
         *
         * @param sudo whether those commands are marked {@code sudo}
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * Sets how long each tailscale command may take; default 2 minutes.
         *
         * @param timeout the limit; the command is killed after it
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * {@return the {@link Tailscale} these settings describe}
         *
         * @throws NetException if the host name is missing
         */
        public Tailscale build() {
            if (hostname == null) {
                throw NetException.invalid("hostname", "is missing: the name the host gets in the tailnet");
            }
            return new Tailscale(this);
        }
    }
}
