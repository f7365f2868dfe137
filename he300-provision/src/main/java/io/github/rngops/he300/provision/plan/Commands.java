package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.command.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The commands steps share: as root, apt without questions, compose for the stack. */
final class Commands {
    static final Duration APT_TIMEOUT = Duration.ofMinutes(20);

    private Commands() {}

    static Command root(String program, String... args) {
        return Command.builder(program).args(args).sudo(true).build();
    }

    static Command apt(String... args) {
        return Command.builder("apt-get").args(args).env("DEBIAN_FRONTEND", "noninteractive").sudo(true)
                .timeout(APT_TIMEOUT).build();
    }

    /** {@code sh -c SCRIPT sh ARGS...}: a fixed script, values only as positional parameters (never spliced in). */
    static Command script(String script, String... args) {
        return Command.builder("sh").args("-c", script, "sh").args(args).sudo(true).timeout(APT_TIMEOUT).build();
    }

    /** {@code docker compose -p PROJECT -f FILE ARGS...} in the stack's directory, as root. */
    static Command compose(Host host, String... args) {
        List<String> argv = new ArrayList<>(List.of("compose", "-p", host.config().stack().project(), "-f",
                host.path(host.files().composeFile().path())));
        argv.addAll(List.of(args));
        return Command.builder("docker").args(argv).sudo(true).timeout(Duration.ofMinutes(30)).build();
    }

    /**
     * Whether each of {@code checks} (read-only commands as root, no stdin) exits 0, asked in one round trip: one
     * {@code sh -c} that runs them in turn, silenced, and prints each exit status. Falls back to one command each
     * if the batch does not answer with a status per check.
     */
    static List<Boolean> allOk(Host host, List<Command> checks) {
        if (checks.isEmpty()) {
            return List.of();
        }
        StringBuilder script = new StringBuilder();
        for (Command check : checks) {
            if (check.stdin().isPresent()) {
                throw new IllegalArgumentException("a batched check takes no stdin: " + check.displayLine());
            }
            script.append(check.shellLineWithoutSudo()).append(" </dev/null >/dev/null 2>&1; echo $?\n");
        }
        Command batch = Command.builder("sh").args("-c", script.toString()).sudo(true).build();
        List<String> codes = host.look(batch).stdout().lines().map(String::strip).toList();
        if (codes.size() != checks.size() || !codes.stream().allMatch(c -> c.matches("[0-9]{1,3}"))) {
            return checks.stream().map(c -> host.look(c).ok()).toList();
        }
        return codes.stream().map("0"::equals).toList();
    }
}
