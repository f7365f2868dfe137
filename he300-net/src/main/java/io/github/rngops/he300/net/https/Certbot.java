package io.github.rngops.he300.net.https;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.NetException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A certificate from an ACME CA with certbot's standalone authenticator (certbot answers the HTTP-01 challenge
 * itself on port 80, so nothing else may listen there while it runs). Non-interactive, terms agreed, and
 * <strong>staging by default</strong>: Let's Encrypt's staging CA ({@code --test-cert}) until
 * {@link Builder#production()} is asked for, so a mistake never burns the production rate limit.
 *
 * <pre>{@code
 * Certbot certbot = Certbot.builder().domain("gpu-host.example.com").email("ops@example.com")
 *         .deployHook(DeployHook.DEFAULT_PATH).build();
 * certbot.issue(runner);                       // staging
 * certbot.toBuilder().production().build().issue(runner);
 * }</pre>
 */
public final class Certbot {
    /** Where certbot keeps certificates unless told otherwise. */
    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/letsencrypt");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Builder settings;

    private Certbot(Builder builder) {
        settings = builder.copy();
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change some and build a variant} */
    public Builder toBuilder() {
        return settings.copy();
    }

    /** {@return the first domain: the certificate's name and its folder under {@code live/}} */
    public String certName() {
        return settings.domains.get(0);
    }

    /** {@return {@code <config dir>/live/<name>/fullchain.pem}: what the proxy serves} */
    public Path fullchain() {
        return settings.configDir.resolve("live").resolve(certName()).resolve("fullchain.pem");
    }

    /** {@return {@code <config dir>/live/<name>/privkey.pem}, readable by root only} */
    public Path privkey() {
        return settings.configDir.resolve("live").resolve(certName()).resolve("privkey.pem");
    }

    /**
     * Runs the issuance ({@link #issueCommand()}) on the host. Port 80 (or {@link Builder#httpPort}) must be free
     * and reachable from the CA, and every domain must resolve to the host. A certificate that is not near expiry is
     * kept, so running it again is cheap.
     *
     * @param runner where certbot runs: the host the domains point at
     * @throws io.github.rngops.he300.core.command.CommandException if certbot fails or outlives the timeout; its
     *     {@code stderr()} holds certbot's explanation
     */
    public void issue(CommandRunner runner) {
        runner.runChecked(issueCommand());
    }

    /**
     * {@code certbot certonly --standalone -n --agree-tos -m <email> -d <domain>... [--test-cert | --server <url>]
     * [--http-01-port N] [--http-01-address A] [--config-dir ...] [--deploy-hook <script>] --keep-until-expiring}.
     *
     * @return the command, not run; with {@link Builder#caBundle} it sets {@code REQUESTS_CA_BUNDLE}
     */
    public Command issueCommand() {
        List<String> args = new ArrayList<>(List.of("certonly", "--standalone", "-n", "--agree-tos", "-m",
                settings.email));
        for (String domain : settings.domains) {
            args.addAll(List.of("-d", domain));
        }
        args.addAll(common());
        settings.deployHook.ifPresent(hook -> args.addAll(List.of("--deploy-hook", hook.toString())));
        args.add("--keep-until-expiring");
        return command(args);
    }

    /**
     * {@return {@code certbot renew}: renews what is near expiry and runs the deploy hook for each renewed certificate}
     */
    public Command renewCommand() {
        List<String> args = new ArrayList<>(List.of("renew", "-n"));
        args.addAll(dirs());
        return command(args);
    }

    private List<String> common() {
        List<String> args = new ArrayList<>();
        settings.server.ifPresentOrElse(server -> args.addAll(List.of("--server", server.toString())), () -> {
            if (!settings.production) {
                args.add("--test-cert");
            }
        });
        settings.httpPort.ifPresent(port -> args.addAll(List.of("--http-01-port", Integer.toString(port))));
        settings.httpAddress.ifPresent(address -> args.addAll(List.of("--http-01-address", address)));
        args.addAll(dirs());
        return args;
    }

    private List<String> dirs() {
        List<String> args = new ArrayList<>();
        if (!settings.configDir.equals(DEFAULT_CONFIG_DIR)) {
            args.addAll(List.of("--config-dir", settings.configDir.toString()));
        }
        settings.workDir.ifPresent(dir -> args.addAll(List.of("--work-dir", dir.toString())));
        settings.logsDir.ifPresent(dir -> args.addAll(List.of("--logs-dir", dir.toString())));
        return args;
    }

    private Command command(List<String> args) {
        Command.Builder command = Command.builder("certbot").args(args).sudo(settings.sudo).timeout(settings.timeout);
        settings.caBundle.ifPresent(bundle -> command.env("REQUESTS_CA_BUNDLE", bundle.toString()));
        return command.build();
    }

    /** Makes a {@link Certbot}; each method checks its argument at once. */
    public static final class Builder {
        private List<String> domains = new ArrayList<>();
        private String email;
        private boolean production;
        private Optional<URI> server = Optional.empty();
        private Optional<Integer> httpPort = Optional.empty();
        private Optional<String> httpAddress = Optional.empty();
        private Path configDir = DEFAULT_CONFIG_DIR;
        private Optional<Path> workDir = Optional.empty();
        private Optional<Path> logsDir = Optional.empty();
        private Optional<Path> deployHook = Optional.empty();
        private Optional<Path> caBundle = Optional.empty();
        private boolean sudo = true;
        private Duration timeout = Duration.ofMinutes(5);

        private Builder() {}

        private Builder copy() {
            Builder copy = new Builder();
            copy.domains = new ArrayList<>(domains);
            copy.email = email;
            copy.production = production;
            copy.server = server;
            copy.httpPort = httpPort;
            copy.httpAddress = httpAddress;
            copy.configDir = configDir;
            copy.workDir = workDir;
            copy.logsDir = logsDir;
            copy.deployHook = deployHook;
            copy.caBundle = caBundle;
            copy.sudo = sudo;
            copy.timeout = timeout;
            return copy;
        }

        /**
         * Sets a domain the certificate covers; the first names it. It must resolve to this host.
         *
         * @param domain a fully qualified domain name, like {@code gpu-host.example.com}; kept in lower case, a repeat
         *     ignored
         * @return this builder
         * @throws NetException if it is not a fully qualified domain name
         */
        public Builder domain(String domain) {
            if (domain == null || !DOMAIN.matcher(domain).matches()) {
                throw NetException.invalid("domain", "'" + domain + "' is not a fully qualified domain name, like"
                        + " gpu-host.example.com");
            }
            if (!domains.contains(domain.toLowerCase())) {
                domains.add(domain.toLowerCase());
            }
            return this;
        }

        /**
         * Sets where the CA sends expiry warnings. Required.
         *
         * @param email an email address; certbot registers the ACME account with it ({@code -m})
         * @return this builder
         * @throws NetException if it is not an email address
         */
        public Builder email(String email) {
            if (email == null || !EMAIL.matcher(email).matches()) {
                throw NetException.invalid("email", "'" + email + "' is not an email address");
            }
            this.email = email;
            return this;
        }

        /**
         * Uses Let's Encrypt's production CA, and forgets a {@link #server} set before. Without this, the staging CA
         * issues (untrusted) test certificates.
         *
         * @return this builder
         */
        public Builder production() {
            this.production = true;
            this.server = Optional.empty();
            return this;
        }

        /**
         * Uses another ACME directory (a private CA, or pebble in tests); replaces staging and production.
         *
         * @param directory the directory URL, {@code https://} only
         * @return this builder
         * @throws NetException if the URL is not https
         */
        public Builder server(URI directory) {
            if (!"https".equals(directory.getScheme())) {
                throw NetException.invalid("server", "'" + directory + "' must be an https:// ACME directory URL");
            }
            this.server = Optional.of(directory);
            return this;
        }

        /**
         * Sets the port certbot listens on for the HTTP-01 challenge (default 80, which the CA connects to).
         *
         * @param port 1..65535; anything but 80 needs the CA (pebble, a private CA) to connect there, or a forward
         * @return this builder
         * @throws NetException if it is out of range
         */
        public Builder httpPort(int port) {
            if (port < 1 || port > 65535) {
                throw NetException.invalid("httpPort", "port " + port + " is out of range: use 1..65535");
            }
            this.httpPort = Optional.of(port);
            return this;
        }

        /**
         * Sets the address certbot's challenge server binds; every address by default.
         *
         * @param address a literal IPv4 or IPv6 address, like {@code 127.0.0.1}
         * @return this builder
         * @throws NetException if it is not a literal IP address
         */
        public Builder httpAddress(String address) {
            io.github.rngops.he300.net.Cidr.address("httpAddress", address, address);
            this.httpAddress = Optional.of(address);
            return this;
        }

        /**
         * Sets where certbot keeps accounts and certificates; default {@link Certbot#DEFAULT_CONFIG_DIR}. The
         * certificate paths ({@link Certbot#fullchain()}) follow it.
         *
         * @param dir a directory on the host
         * @return this builder
         */
        public Builder configDir(Path dir) {
            this.configDir = Objects.requireNonNull(dir, "configDir");
            return this;
        }

        /**
         * Sets certbot's working directory ({@code --work-dir}); certbot's default when not set.
         *
         * @param dir a directory on the host
         * @return this builder
         */
        public Builder workDir(Path dir) {
            this.workDir = Optional.of(dir);
            return this;
        }

        /**
         * Sets where certbot writes its logs ({@code --logs-dir}); certbot's default when not set.
         *
         * @param dir a directory on the host
         * @return this builder
         */
        public Builder logsDir(Path dir) {
            this.logsDir = Optional.of(dir);
            return this;
        }

        /**
         * Sets a script certbot runs after each issuance and renewal, such as {@link DeployHook}'s.
         *
         * @param script the script's path on the host, such as {@link DeployHook#DEFAULT_PATH}; certbot remembers it
         *     for renewals
         * @return this builder
         */
        public Builder deployHook(Path script) {
            this.deployHook = Optional.of(script);
            return this;
        }

        /**
         * Sets the CA certificates certbot trusts for the ACME server's own HTTPS ({@code REQUESTS_CA_BUNDLE}), for a
         * private CA or pebble; the system's by default.
         *
         * @param pem a PEM file on the host
         * @return this builder
         */
        public Builder caBundle(Path pem) {
            this.caBundle = Optional.of(pem);
            return this;
        }

        /**
         * Sets whether certbot runs as root; true by default (it binds port 80 and writes {@code /etc/letsencrypt}).
         *
         * @param sudo whether the commands are marked {@code sudo}
         * @return this builder
         */
        public Builder sudo(boolean sudo) {
            this.sudo = sudo;
            return this;
        }

        /**
         * Sets how long one certbot command may take; default 5 minutes.
         *
         * @param timeout the limit; the command is killed after it
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * {@return the {@link Certbot} these settings describe}
         *
         * @throws NetException if no domain or no email was given
         */
        public Certbot build() {
            if (domains.isEmpty()) {
                throw NetException.invalid("domain", "is missing: the public name of the GPU host");
            }
            if (email == null) {
                throw NetException.invalid("email", "is missing: the CA's expiry warnings go there");
            }
            return new Certbot(this);
        }
    }
}
