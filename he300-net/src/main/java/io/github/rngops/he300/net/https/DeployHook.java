package io.github.rngops.he300.net.https;

import io.github.rngops.he300.core.command.Command;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The script certbot runs after it issues or renews a certificate: when the nginx the stack uses is running, check
 * its config and reload it so it serves the new certificate without dropping connections; when it is not running
 * (the first issuance, before install has written the site and started nginx) there is nothing to reload, and the
 * hook says so and succeeds. Installed where {@code certbot renew} finds it for every certificate, and given to
 * {@code certbot certonly --deploy-hook} as well (certbot runs it once per renewal, not twice: it skips a
 * {@code --deploy-hook} that is also in the hooks directory).
 *
 * <p>"The nginx the stack uses" is the one with {@link #pidFile} (Debian's {@code /run/nginx.pid}) and nginx's own
 * {@link #nginxArgs} (none for the system nginx; {@code -c <conf>} for another): systemd's {@code nginx} unit when
 * it is active, else the process the pid file names. Each run appends one line to {@link #log}: {@code ok: ...} or
 * {@code FAILED: ...}, with certbot's {@code RENEWED_DOMAINS} and {@code RENEWED_LINEAGE} (either may be unset; the
 * hook does not depend on them).
 *
 * @param pidFile nginx's pid file, as its config's {@code pid} directive names it
 * @param nginxArgs arguments for every {@code nginx} call, like {@code -c /etc/nginx/nginx.conf}; empty for the
 *     system nginx
 * @param log the file each run appends its outcome to
 */
public record DeployHook(Path pidFile, List<String> nginxArgs, Path log) {
    /** certbot runs every executable here after each renewal. */
    public static final Path DEFAULT_PATH = Path.of("/etc/letsencrypt/renewal-hooks/deploy/he300-reload-nginx.sh");
    /** Debian's nginx pid file. */
    public static final Path DEFAULT_PID_FILE = Path.of("/run/nginx.pid");
    /** Where the hook records each run unless told otherwise. */
    public static final Path DEFAULT_LOG = Path.of("/var/log/he300/deploy-hook.log");

    private static final String BODY = """
            say() {
              mkdir -p -- "$(dirname -- "$log")" 2>/dev/null || :
              printf '%s %s\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" 2>/dev/null >> "$log" || :
              printf 'he300 deploy hook: %s\\n' "$*"
            }
            what="certificate for ${RENEWED_DOMAINS:-?} in ${RENEWED_LINEAGE:-?}"
            if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
              how=systemd
            elif [ -s "$pid" ] && kill -0 "$(cat -- "$pid")" 2>/dev/null; then
              how=pid
            else
              say "ok: $what; nginx is not running, nothing to reload (install starts it with the certificate)"
              exit 0
            fi
            if ! out=$(nginx -t -q "$@" 2>&1); then
              say "FAILED: $what; nginx -t refused the config, nginx keeps serving the previous certificate: $out"
              exit 1
            fi
            # nginx -s prints a notice on stderr even when it works: kept, and shown only on failure
            if [ "$how" = systemd ]; then out=$(systemctl reload nginx 2>&1)
            else out=$(nginx -s reload "$@" 2>&1); fi || {
              say "FAILED: $what; nginx did not reload ($how): $out"
              exit 1
            }
            say "ok: $what; nginx reloaded ($how)"
            """;

    /**
     * Checks the components, as the class description says of each.
     *
     * @param pidFile nginx's pid file, as its config's {@code pid} directive names it
     * @param nginxArgs arguments for every {@code nginx} call; empty for the system nginx
     * @param log the file each run appends its outcome to
     */
    public DeployHook {
        Objects.requireNonNull(pidFile, "pidFile");
        nginxArgs = List.copyOf(nginxArgs);
        Objects.requireNonNull(log, "log");
    }

    /** {@return the hook for the system nginx: Debian's pid file, no extra arguments, the default log} */
    public static DeployHook systemNginx() {
        return new DeployHook(DEFAULT_PID_FILE, List.of(), DEFAULT_LOG);
    }

    /** {@return the script's text, every path and argument single-quoted} */
    public String text() {
        StringBuilder args = new StringBuilder();
        for (String arg : nginxArgs) {
            args.append(' ').append(quote(arg));
        }
        return "#!/bin/sh\n"
                + "# Installed by he300: reload the nginx in front of the stack after certbot issued or renewed a\n"
                + "# certificate. certbot sets RENEWED_LINEAGE (the live/ folder) and RENEWED_DOMAINS.\n"
                + "set -u\n"
                + "log=" + quote(log.toString()) + "\n"
                + "pid=" + quote(pidFile.toString()) + "\n"
                + "set --" + args + "\n"
                + BODY;
    }

    /**
     * A command that installs the script at {@code path} with mode 0755, through a temporary file and a rename; the
     * script travels on standard input. Nothing runs until the caller hands it to a runner (on the host).
     *
     * @param path where the script goes, usually {@link #DEFAULT_PATH}; missing parents are made
     * @param sudo whether the command runs as root (certbot's folders are root's)
     * @return the {@code sh -c} command
     */
    public Command install(Path path, boolean sudo) {
        return Command.builder("sh").args("-c", "set -e; mkdir -p -- \"$(dirname -- \"$1\")\"; "
                        + "cat > \"$1.he300-tmp\"; chmod 755 -- \"$1.he300-tmp\"; mv -f -- \"$1.he300-tmp\" \"$1\"",
                "sh", path.toString()).stdin(text().getBytes(StandardCharsets.UTF_8)).sudo(sudo).build();
    }

    /** {@return the system nginx's script's text ({@link #systemNginx()})} */
    public static String script() {
        return systemNginx().text();
    }

    /**
     * A command that installs the system nginx's script ({@link #systemNginx()}) at {@code path}.
     *
     * @param path where certbot finds it, like {@link #DEFAULT_PATH}
     * @param sudo whether the command runs through sudo
     * @return the command
     */
    public static Command installCommand(Path path, boolean sudo) {
        return systemNginx().install(path, sudo);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
