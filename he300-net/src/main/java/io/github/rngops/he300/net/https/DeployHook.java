package io.github.rngops.he300.net.https;

import io.github.rngops.he300.core.command.Command;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The script certbot runs after it issues or renews a certificate: check nginx's config, then reload nginx so it
 * serves the new certificate without dropping connections. Installed where {@code certbot renew} finds it for
 * every certificate.
 */
public final class DeployHook {
    /** certbot runs every executable here after each renewal. */
    public static final Path DEFAULT_PATH = Path.of("/etc/letsencrypt/renewal-hooks/deploy/he300-reload-nginx.sh");

    private static final String SCRIPT = """
            #!/bin/sh
            # Installed by he300: reload the reverse proxy after certbot issued or renewed a certificate.
            # certbot sets RENEWED_LINEAGE (the live/ folder) and RENEWED_DOMAINS.
            set -eu
            echo "he300: certificate for ${RENEWED_DOMAINS:-?} renewed in ${RENEWED_LINEAGE:-?}; reloading nginx"
            nginx -t -q
            if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx; then
              systemctl reload nginx
            else
              nginx -s reload
            fi
            """;

    private DeployHook() {}

    /** {@return the script's text} */
    public static String script() {
        return SCRIPT;
    }

    /**
     * A command that installs the script at {@code path} with mode 0755, through a temporary file and a rename; the
     * script travels on standard input. Nothing runs until the caller hands it to a runner (on the host).
     *
     * @param path where the script goes, usually {@link #DEFAULT_PATH}; missing parents are made
     * @param sudo whether the command runs as root (certbot's folders are root's)
     * @return the {@code sh -c} command
     */
    public static Command installCommand(Path path, boolean sudo) {
        return Command.builder("sh").args("-c", "set -e; mkdir -p -- \"$(dirname -- \"$1\")\"; "
                        + "cat > \"$1.he300-tmp\"; chmod 755 -- \"$1.he300-tmp\"; mv -f -- \"$1.he300-tmp\" \"$1\"",
                "sh", path.toString()).stdin(SCRIPT.getBytes(StandardCharsets.UTF_8)).sudo(sudo).build();
    }
}
