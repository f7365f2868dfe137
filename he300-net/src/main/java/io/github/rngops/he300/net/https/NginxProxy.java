package io.github.rngops.he300.net.https;

import io.github.rngops.he300.net.Cidr;
import io.github.rngops.he300.net.NetException;
import io.github.rngops.he300.net.firewall.Allowlist;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * nginx on 443 in front of the stack: {@code /} goes to CIRISNode (127.0.0.1:8000) and {@code /ethicsengine/} to
 * EthicsEngine (127.0.0.1:8080, prefix stripped), with the certificate certbot issued. With an allowlist, nginx
 * also answers 403 to everyone else (the firewall should already have dropped them; this is the second wall).
 *
 * <p>{@link #serverBlock()} is what goes into {@code /etc/nginx/sites-available/he300}; {@link #standalone} wraps it
 * into a whole {@code nginx.conf} with its own pid and log files, which {@code nginx -t -c} can check anywhere.
 */
public final class NginxProxy {
    private static final Pattern PATH_SAFE = Pattern.compile("[A-Za-z0-9_./@:+-]+");

    private final String serverName;
    private final Path certificate;
    private final Path certificateKey;
    private final int ciriNodePort;
    private final int ethicsEnginePort;
    private final int listenPort;
    private final Optional<Allowlist> allowlist;

    private NginxProxy(Builder builder) {
        serverName = builder.serverName;
        certificate = builder.certificate;
        certificateKey = builder.certificateKey;
        ciriNodePort = builder.ciriNodePort;
        ethicsEnginePort = builder.ethicsEnginePort;
        listenPort = builder.listenPort;
        allowlist = builder.allowlist;
    }

    /** {@return a new builder, to set what differs from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the {@code server} block: HTTPS on IPv4 and IPv6, TLS 1.2 and 1.3, HSTS, the allowlist, then the two
     * locations}
     */
    public String serverBlock() {
        StringBuilder out = new StringBuilder();
        out.append("# Written by he300: HTTPS in front of CIRISNode and EthicsEngine.\n");
        out.append("server {\n");
        out.append("    listen ").append(listenPort).append(" ssl;\n");
        out.append("    listen [::]:").append(listenPort).append(" ssl;\n");
        out.append("    server_name ").append(serverName).append(";\n\n");
        out.append("    ssl_certificate     ").append(certificate).append(";\n");
        out.append("    ssl_certificate_key ").append(certificateKey).append(";\n");
        out.append("    ssl_protocols TLSv1.2 TLSv1.3;\n");
        out.append("    ssl_session_cache shared:he300:10m;\n");
        out.append("    add_header Strict-Transport-Security \"max-age=31536000\" always;\n");
        out.append("    client_max_body_size 10m;\n\n");
        allowlist.ifPresent(list -> {
            for (Cidr network : list.networks()) {
                out.append("    allow ").append(network).append(";\n");
            }
            out.append("    deny all;\n\n");
        });
        out.append("    proxy_http_version 1.1;\n");
        out.append("    proxy_set_header Host $host;\n");
        out.append("    proxy_set_header X-Real-IP $remote_addr;\n");
        out.append("    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n");
        out.append("    proxy_set_header X-Forwarded-Proto https;\n");
        out.append("    proxy_read_timeout 600s;   # an HE-300 batch can take minutes\n\n");
        out.append("    location /ethicsengine/ {\n");
        out.append("        proxy_pass http://127.0.0.1:").append(ethicsEnginePort).append("/;\n");
        out.append("    }\n\n");
        out.append("    location / {\n");
        out.append("        proxy_pass http://127.0.0.1:").append(ciriNodePort).append(";\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    /**
     * A complete {@code nginx.conf} holding the server block, with pid, error log, access log and temp paths under
     * {@code prefix}, for {@code nginx -t -c} or a test instance.
     *
     * @param prefix a directory for nginx's own files; it must exist when nginx starts
     * @return the configuration's text
     * @throws NetException if the path has characters nginx would misread (spaces, quotes, {@code ;})
     */
    public String standalone(Path prefix) {
        String p = safe("prefix", prefix);
        StringBuilder out = new StringBuilder();
        out.append("pid ").append(p).append("/nginx.pid;\n");
        out.append("error_log ").append(p).append("/error.log;\n");
        out.append("worker_processes 1;\n");
        out.append("events { worker_connections 64; }\n");
        out.append("http {\n");
        out.append("    access_log ").append(p).append("/access.log;\n");
        for (String temp : new String[] {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            out.append("    ").append(temp).append("_temp_path ").append(p).append("/").append(temp).append(";\n");
        }
        serverBlock().lines().forEach(line -> out.append(line.isEmpty() ? "" : "    ").append(line).append('\n'));
        out.append("}\n");
        return out.toString();
    }

    private static String safe(String field, Path path) {
        String text = path.toString();
        if (!PATH_SAFE.matcher(text).matches()) {
            throw NetException.invalid(field, "'" + text + "' has characters nginx would misread: use letters,"
                    + " digits and _ . / @ : + -");
        }
        return text;
    }

    /** Makes an {@link NginxProxy}. */
    public static final class Builder {
        private static final Pattern SERVER_NAME = Pattern.compile(
                "(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

        private String serverName;
        private Path certificate;
        private Path certificateKey;
        private int ciriNodePort = 8000;
        private int ethicsEnginePort = 8080;
        private int listenPort = 443;
        private Optional<Allowlist> allowlist = Optional.empty();

        private Builder() {}

        /**
         * Sets the name nginx answers to: the certificate's domain. Required.
         *
         * @param name a host name, like {@code gpu-host.example.com}
         * @return this builder
         * @throws NetException if it is not a host name
         */
        public Builder serverName(String name) {
            if (name == null || !SERVER_NAME.matcher(name).matches()) {
                throw NetException.invalid("serverName", "'" + name + "' is not a host name");
            }
            this.serverName = name;
            return this;
        }

        /**
         * Sets the certificate chain and key, such as {@link Certbot#fullchain()} and {@link Certbot#privkey()}.
         * Required (this or {@link #certificate(Certbot)}). The files are read by nginx on the host, not here.
         *
         * @param fullchain the PEM file with the certificate and its chain
         * @param privkey the PEM file with the private key
         * @return this builder
         * @throws NetException if a path has characters nginx would misread
         */
        public Builder certificate(Path fullchain, Path privkey) {
            safe("certificate", fullchain);
            safe("certificateKey", privkey);
            this.certificate = fullchain;
            this.certificateKey = privkey;
            return this;
        }

        /**
         * Sets the certificate certbot issues: its {@link Certbot#fullchain()} and {@link Certbot#privkey()}. The files
         * need not exist yet.
         *
         * @param certbot the issuance whose certificate nginx serves
         * @return this builder
         */
        public Builder certificate(Certbot certbot) {
            return certificate(certbot.fullchain(), certbot.privkey());
        }

        /**
         * Sets the port CIRISNode listens on at 127.0.0.1, where {@code /} goes; default 8000.
         *
         * @param port 1..65535
         * @return this builder
         * @throws NetException if the port is out of range
         */
        public Builder ciriNodePort(int port) {
            this.ciriNodePort = port(port);
            return this;
        }

        /**
         * Sets the port EthicsEngine listens on at 127.0.0.1, where {@code /ethicsengine/} goes; default 8080.
         *
         * @param port 1..65535
         * @return this builder
         * @throws NetException if the port is out of range
         */
        public Builder ethicsEnginePort(int port) {
            this.ethicsEnginePort = port(port);
            return this;
        }

        /**
         * Sets the port nginx serves HTTPS on; default 443.
         *
         * @param port 1..65535
         * @return this builder
         * @throws NetException if the port is out of range
         */
        public Builder listenPort(int port) {
            this.listenPort = port(port);
            return this;
        }

        /**
         * Sets the networks nginx serves; everyone else gets 403. Without one, nginx serves anyone the firewall lets
         * through.
         *
         * @param allowlist the allowed networks
         * @return this builder
         */
        public Builder allowlist(Allowlist allowlist) {
            this.allowlist = Optional.of(Objects.requireNonNull(allowlist, "allowlist"));
            return this;
        }

        /**
         * {@return the {@link NginxProxy} these settings describe}
         *
         * @throws NetException if the server name or the certificate is missing
         */
        public NginxProxy build() {
            if (serverName == null) {
                throw NetException.invalid("serverName", "is missing: the domain the certificate is for");
            }
            if (certificate == null) {
                throw NetException.invalid("certificate", "is missing: the fullchain.pem and privkey.pem certbot wrote");
            }
            return new NginxProxy(this);
        }

        private static int port(int port) {
            if (port < 1 || port > 65535) {
                throw NetException.invalid("port", "port " + port + " is out of range: use 1..65535");
            }
            return port;
        }
    }
}
