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
}
