///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli
//DEPS io.github.rng-ops:he300-provision

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.provision.install.Installer;
import io.github.rngops.he300.provision.install.Request;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Stop and remove the he300 stack: units, containers, Redis and PostgreSQL volumes, files.",
                "The model volume stays unless --purge-models. Exit codes: 0 done, 1 a command failed, 2 bad usage."})
class uninstall implements Callable<Integer> {
    @Option(names = "--host", description = "The host to remove the stack from, over SSH.") String host;
    @Option(names = "--port", description = "SSH port, 1..65535 (22).") Integer port;
    @Option(names = "--user", description = "SSH user (ubuntu).") String user;
    @Option(names = "--identity", paramLabel = "KEYFILE", description = "SSH private key, offered alone: signed by the"
            + " ssh-agent if it holds it, else read from the file (an encrypted one takes its passphrase from"
            + " $HE300_SSH_KEY_PASSPHRASE). Default: the agent's keys ($SSH_AUTH_SOCK), then ~/.ssh/id_*.")
            Path identity;
    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts (~/.ssh/known_hosts).") Path knownHosts;
    @Option(names = "--trust-on-first-use", description = "Accept and record an unknown host key.") boolean tofu;
    @Option(names = "--local", description = "This machine, no SSH (not with --host).") boolean local;
    @Option(names = "--config", paramLabel = "FILE", description = "The install.yaml the stack was installed with.") Path config;
    @Option(names = "--dry-run", description = "Print the commands; change nothing.") boolean dryRun;
    @Option(names = "--purge-models", description = "Remove the model volume too.") boolean purgeModels;
    @Option(names = "--yes", description = "Do not ask before changing a remote host.") boolean yes;

    public static void main(String... args) {
        System.exit(Cli.run(new uninstall(), args));
    }

    @Override
    public Integer call() {
        Request request = new Request(Request.Action.UNINSTALL, Optional.ofNullable(host), Optional.ofNullable(port),
                Optional.ofNullable(user), Optional.ofNullable(identity), Optional.ofNullable(knownHosts), tofu, local,
                Optional.ofNullable(config), config == null, false, dryRun, yes, Optional.empty(), Optional.empty(),
                Optional.empty(), false, purgeModels, "");
        return new Installer(request, System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), () -> System.console() != null
                        && "y".equalsIgnoreCase(String.valueOf(System.console().readLine("Remove the stack? [y/N] ")).strip()))
                .run();
    }
}
