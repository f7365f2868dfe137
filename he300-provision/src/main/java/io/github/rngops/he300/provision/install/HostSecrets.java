package io.github.rngops.he300.provision.install;

import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.config.Security;
import io.github.rngops.he300.provision.config.StackSecret;
import io.github.rngops.he300.provision.stack.StackFiles;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets a host's stack was installed with, read back from its {@code .env}: PostgreSQL keeps the passwords
 * it was first started with in its volume, so a later run must write the same ones, not new ones. Secrets are
 * created once; {@link SecretRotation} is the one way to change them.
 *
 * @param path the {@code .env} on the host (under the file root, if any)
 * @param values what it holds
 */
record HostSecrets(String path, Map<StackSecret, Secret> values) {
    /** Prints the file, or exits {@value #MISSING} when there is none. */
    static final String READ_SCRIPT = "if [ -f \"$1\" ]; then exec cat -- \"$1\"; fi; exit 3";
    static final int MISSING = 3;

    HostSecrets {
        values = Map.copyOf(values);
    }

    /** The host's {@code .env} at {@code path}, if it has one. Its content is read quietly and never shown. */
    static Optional<HostSecrets> read(CommandRunner runner, String path) {
        Command cat = Command.builder("sh").args("-c", READ_SCRIPT, "sh", path).sudo(true).build();
        CommandResult result = runner.run(cat);
        if (result.exitCode() == MISSING) {
            return Optional.empty();
        }
        if (!result.ok()) {
            throw new He300Exception("cannot read the stack's secrets from " + path + " on the host (exit "
                    + result.exitCode() + "): " + result.stderr().strip());
        }
        return Optional.of(new HostSecrets(path, StackFiles.secretsIn(result.stdout(), "the host's " + path)));
    }

    /** Where {@code config}'s {@code .env} is on a host whose file root is {@code root}. */
    static String envPath(InstallConfig config, String root) {
        return root + StackFiles.of(config).file(StackFiles.ENV).orElseThrow().path();
    }

    /**
     * {@code config} with the host's secrets in place of generated ones. A secret the user gave (in the file, a
     * file or the environment) that differs from the host's is refused when {@code strict} (a run that writes the
     * stack); otherwise the host's value is used.
     */
    InstallConfig keep(InstallConfig config, boolean strict) {
        Security security = config.security();
        for (Map.Entry<StackSecret, Secret> onHost : values.entrySet()) {
            StackSecret which = onHost.getKey();
            Secret configured = which.of(security);
            if (configured.equals(onHost.getValue())) {
                continue;
            }
            if (strict && !configured.generated()) {
                throw new He300Exception("security." + which.key() + " (" + configured.origin() + ") differs from"
                        + " the secret the stack on the host was installed with (" + path + "); install keeps a"
                        + " host's secrets: remove the setting to keep the host's, or change it with"
                        + " ./he300 install --rotate-secrets " + which.key());
            }
            security = security.with(which, onHost.getValue());
        }
        return config.withSecurity(security);
    }
}
