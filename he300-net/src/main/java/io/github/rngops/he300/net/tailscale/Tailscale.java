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

    /** Writes the auth key to the key file with mode 0600 on the runner's host (the key travels on stdin). */
    public void writeAuthKey(CommandRunner runner, String authKey) {
        runner.runChecked(writeAuthKeyCommand(authKey));
    }

    public Command writeAuthKeyCommand(String authKey) {
        if (authKey == null || authKey.isBlank() || authKey.contains("\n")) {
            throw NetException.invalid("auth key", "must be one non-empty line (tskey-auth-...)");
        }
        return PrivateFile.installCommand(authKeyFile, (authKey.strip() + "\n").getBytes(StandardCharsets.UTF_8),
                sudo);
    }

    /** Runs {@code tailscale up}. */
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

    /** Parses {@code tailscale status --json}. */
    public TailscaleStatus status(CommandRunner runner) {
        return TailscaleStatus.parse(runner.runChecked(statusCommand()).stdout());
    }

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
         * @param hostname the machine's name in the tailnet: a DNS label
         * @return this builder
         */
        public Builder hostname(String hostname) {
            if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
                throw NetException.invalid("hostname", "'" + hostname + "' must be a DNS label: 1 to 63 of a-z 0-9 -,"
                        + " not starting or ending with -");
            }
            this.hostname = hostname;
            return this;
        }

        /** ACL tags, each {@code tag:name}. */
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

        public Builder authKeyFile(Path file) {
            this.authKeyFile = Objects.requireNonNull(file, "authKeyFile");
            if (file.toString().contains(",") || file.toString().isBlank()) {
                throw NetException.invalid("authKeyFile", "'" + file + "' must be a path without ','");
            }
            return this;
        }

        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** {@return the {@link Tailscale} these settings describe} */
        public Tailscale build() {
            if (hostname == null) {
                throw NetException.invalid("hostname", "is missing: the name the host gets in the tailnet");
            }
            return new Tailscale(this);
        }
    }
}
