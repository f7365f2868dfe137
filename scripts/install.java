///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR
//DEPS io.github.rng-ops:he300-bom:${he300.version:0.1.0-SNAPSHOT}@pom
//DEPS io.github.rng-ops:he300-cli
//DEPS io.github.rng-ops:he300-provision

import io.github.rngops.he300.cli.Cli;
import io.github.rngops.he300.provision.install.Installer;
import io.github.rngops.he300.provision.install.Request;
import io.github.rngops.he300.provision.install.Request.Action;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Bring a GPU host (or this machine) from bare to benchmarked: Docker, NVIDIA driver and",
                "toolkit, the stack, the network mode, the models, a health gate and a quick HE-300. Running it",
                "again changes nothing. Exit codes: 0 done, 1 a step failed or a reboot is needed, 2 bad usage or",
                "configuration."})
class install implements Callable<Integer> {
    @Option(names = "--host", description = "The host to install on, over SSH.") String host;
    @Option(names = "--port", description = "SSH port (22).") Integer port;
    @Option(names = "--user", description = "SSH user (ubuntu).") String user;
    @Option(names = "--identity", paramLabel = "KEYFILE", description = "SSH private key, offered alone: signed by the"
            + " ssh-agent if it holds it, else read from the file (an encrypted one takes its passphrase from"
            + " $HE300_SSH_KEY_PASSPHRASE). Default: the agent's keys ($SSH_AUTH_SOCK), then ~/.ssh/id_*.")
            Path identity;
    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts (~/.ssh/known_hosts).") Path knownHosts;
    @Option(names = "--trust-on-first-use", description = "Accept and record an unknown host key.") boolean tofu;
    @Option(names = "--local", description = "Install on this machine, no SSH (not with --host).") boolean local;
    @Option(names = "--config", paramLabel = "FILE", description = "install.yaml.") Path config;
    @Option(names = "--quick-start", description = "Defaults from the detected GPU profile; no config file.") boolean quickStart;
    @Option(names = "--facts", description = "Print what was detected; change nothing.") boolean facts;
    @Option(names = "--json", description = "With --facts: one JSON document.") boolean json;
    @Option(names = "--dry-run", description = "Facts, config and every command the plan would run; only read-only checks.") boolean dryRun;
    @Option(names = "--status", description = "docker compose ps of the stack.") boolean status;
    @Option(names = "--restart", description = "Restart the stack's containers.") boolean restart;
    @Option(names = "--logs", arity = "0..1", paramLabel = "SERVICE", fallbackValue = "", description = "Recent logs, of one service or all.") String logs;
    @Option(names = "--update", description = "Pull newer images and recreate the containers.") boolean update;
    @Option(names = "--pull-model", paramLabel = "M", description = "Pull a registry model onto the host.") String pullModel;
    @Option(names = "--quantization", paramLabel = "Q", description = "With --pull-model / --set-model: Q4_K_M, Q5_K_M, Q8_0, fp16.") String quantization;
    @Option(names = "--list-models", description = "The registry's models and which the host has.") boolean listModels;
    @Option(names = "--set-model", paramLabel = "M", description = "Make M the default model: install with it.") String setModel;
    @Option(names = "--rotate-secrets", paramLabel = "NAMES", description = {"New values for these secrets (all, or api_key,jwt_secret,postgres_password,",
            "cirisnode_db_password,ethicsengine_db_password): PostgreSQL's roles first, then .env (backed up), then the",
            "stack recreated. Refused, changing nothing, when PostgreSQL is not running. Otherwise install keeps the",
            "secrets the host already has."}) String rotateSecrets;
    @Option(names = "--yes", description = "Do not ask before changing a remote host.") boolean yes;
    @Option(names = "--from-step", paramLabel = "NAME", description = "Resume the plan at this step.") String fromStep;
    @Option(names = "--no-benchmark", description = "Leave out the quick HE-300 at the end.") boolean noBenchmark;

    public static void main(String... args) {
        System.exit(Cli.run(new install(), args));
    }

    @Override
    public Integer call() {
        Action action = facts ? Action.FACTS : status ? Action.STATUS : restart ? Action.RESTART
                : logs != null ? Action.LOGS : update ? Action.UPDATE : pullModel != null ? Action.PULL_MODEL
                : listModels ? Action.LIST_MODELS : setModel != null ? Action.SET_MODEL : rotateSecrets != null ? Action.ROTATE_SECRETS : Action.INSTALL;
        String argument = action == Action.LOGS ? (logs.isEmpty() ? null : logs)
                : pullModel != null ? pullModel : setModel != null ? setModel : rotateSecrets;
        Request request = new Request(action, Optional.ofNullable(host), Optional.ofNullable(port),
                Optional.ofNullable(user), Optional.ofNullable(identity), Optional.ofNullable(knownHosts), tofu, local,
                Optional.ofNullable(config), quickStart, json, dryRun, yes, Optional.ofNullable(fromStep),
                Optional.ofNullable(argument), Optional.ofNullable(quantization), !noBenchmark, false, "");
        return new Installer(request, System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), install::confirm).run();
    }

    /** Asks on a terminal; without one (CI, pipes) the answer is no: use --yes. */
    static boolean confirm() {
        if (System.console() == null) {
            System.err.println("install: this changes the remote host; no terminal to ask on, so pass --yes");
            return false;
        }
        String answer = System.console().readLine("Change the host now? [y/N] ");
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
