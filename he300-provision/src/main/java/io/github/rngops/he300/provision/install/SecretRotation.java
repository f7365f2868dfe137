package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.config.Security;
import io.github.rngops.he300.provision.config.StackSecret;
import io.github.rngops.he300.provision.plan.Host;
import io.github.rngops.he300.provision.stack.StackFile;
import io.github.rngops.he300.provision.stack.StackFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code install --rotate-secrets NAMES}: new values for some of the stack's secrets, everywhere they live. A
 * database password changes in PostgreSQL first ({@code ALTER ROLE} with a SCRAM verifier, in one transaction,
 * through {@code docker compose exec postgres psql}); only when that succeeded is {@code .env} rewritten (the
 * previous one kept as a backup) and the stack recreated with {@code docker compose up -d}. If PostgreSQL does not
 * take them (the stack is not running), the rotation is refused and nothing is changed.
 *
 * @param which the secrets to rotate
 */
record SecretRotation(Set<StackSecret> which) {
    SecretRotation {
        which = Set.copyOf(which);
        if (which.isEmpty()) {
            throw new He300Exception("--rotate-secrets: name at least one secret, or all");
        }
    }

    /** {@code all}, or keys of {@code security:} separated by commas. */
    static SecretRotation parse(String names) {
        if (names.strip().equals("all")) {
            return new SecretRotation(Set.of(StackSecret.values()));
        }
        Set<StackSecret> which = new LinkedHashSet<>();
        for (String name : names.split(",", -1)) {
            which.add(StackSecret.byKey(name.strip()).orElseThrow(() -> new He300Exception("--rotate-secrets: "
                    + "unknown secret '" + name.strip() + "' (known: all, " + Arrays.stream(StackSecret.values())
                    .map(StackSecret::key).collect(Collectors.joining(", ")) + ")")));
        }
        return new SecretRotation(which);
    }

    /**
     * The config with the rotated secrets: for each, the value {@code configured} gives (in the file, a file or the
     * environment) when it differs from the host's, else a newly generated one. The others stay the host's.
     */
    InstallConfig rotated(InstallConfig configured, HostSecrets onHost, SecureRandom random) {
        InstallConfig kept = onHost.keep(configured, false);
        Security security = kept.security();
        for (StackSecret secret : which) {
            Secret given = secret.of(configured.security());
            boolean fresh = !given.generated() && !given.equals(secret.of(kept.security()));
            security = security.with(secret, fresh ? given : secret.generate(random));
        }
        return kept.withSecurity(security);
    }

    /** Rotates on {@code host} (built with the rotated config, the old secrets masked too); 0 done, 1 refused. */
    int run(Host host, SecureRandom random, boolean dryRun, PrintWriter out, PrintWriter err) {
        List<Command> commands = new ArrayList<>();
        List<StackSecret> roles = which.stream().filter(s -> s.role().isPresent()).sorted().toList();
        if (!roles.isEmpty()) {
            StringBuilder sql = new StringBuilder("BEGIN;\n");
            for (StackSecret secret : roles) {
                sql.append("ALTER ROLE \"").append(secret.role().orElseThrow()).append("\" PASSWORD '")
                        .append(ScramVerifier.of(secret.of(host.config().security()), random)).append("';\n");
            }
            sql.append("COMMIT;\n");
            commands.add(Installer.compose(host, "exec", "-T", "postgres", "psql", "-X", "-q", "-v",
                    "ON_ERROR_STOP=1", "-U", "postgres", "-d", "postgres").toBuilder()
                    .stdin(sql.toString().getBytes(StandardCharsets.UTF_8)).build());
        }
        StackFile env = host.files().file(StackFiles.ENV).orElseThrow();
        commands.add(new StackFile(host.path(env.path()), env.content(), env.mode(), true)
                .installCommand(true, host.clock().instant()));
        commands.add(Installer.compose(host, "up", "-d"));
        String names = which.stream().sorted().map(StackSecret::key).collect(Collectors.joining(", "));
        if (dryRun) {
            out.println("would rotate " + names + ":");
            commands.forEach(c -> out.println("would run: " + host.mask(c.displayLine())
                    + (c.stdin().isPresent() ? "  (input withheld: it holds secrets)" : "")));
            out.flush();
            return 0;
        }
        for (int i = 0; i < commands.size(); i++) {
            CommandResult result = host.look(commands.get(i));
            if (!result.ok()) {
                err.println("rotate: " + (i == 0 && !roles.isEmpty()
                        ? "refused: PostgreSQL did not take the new passwords, so nothing was changed (is the stack"
                        + " running? ./he300 install starts it): " : "failed: ")
                        + host.mask(commands.get(i).displayLine()) + " exited with " + result.exitCode() + ": "
                        + host.mask(result.stderr().strip()));
                err.flush();
                return 1;
            }
        }
        out.println("rotated " + names + (roles.isEmpty() ? "" : " (PostgreSQL roles changed)")
                + "; the previous " + env.path() + " is kept beside it as .env.bak-<time>; the stack was recreated");
        out.flush();
        return 0;
    }
}
