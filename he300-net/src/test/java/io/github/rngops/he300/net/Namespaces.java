package io.github.rngops.he300.net;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Throwaway network namespaces for tests (root only): {@code he300-<role>-<random>}, removed by {@link #close()}
 * together with every process still running in them.
 */
public final class Namespaces implements AutoCloseable {
    private final LocalRunner local = LocalRunner.builder().defaultTimeout(Duration.ofSeconds(30)).build();
    private final List<String> names = new ArrayList<>();
    private final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);

    /** A random suffix shared by this set's names, for interface and chain names too. */
    public String suffix() {
        return suffix;
    }

    /** Creates {@code he300-<role>-<suffix>} with loopback up. */
    public String create(String role) {
        String name = "he300-" + role + "-" + suffix;
        local.runChecked(Command.of("ip", "netns", "add", name));
        names.add(name);
        local.runChecked(Command.of("ip", "-n", name, "link", "set", "lo", "up"));
        return name;
    }

    /** Joins two namespaces with a veth pair and gives each end an address (with prefix). */
    public void link(String a, String addressA, String b, String addressB) {
        String vethA = "h3a" + suffix;
        String vethB = "h3b" + suffix;
        local.runChecked(Command.of("ip", "link", "add", vethA, "netns", a, "type", "veth", "peer", "name", vethB,
                "netns", b));
        local.runChecked(Command.of("ip", "-n", a, "addr", "add", addressA, "dev", vethA));
        local.runChecked(Command.of("ip", "-n", b, "addr", "add", addressB, "dev", vethB));
        local.runChecked(Command.of("ip", "-n", a, "link", "set", vethA, "up"));
        local.runChecked(Command.of("ip", "-n", b, "link", "set", vethB, "up"));
    }

    /** A runner whose commands run inside {@code namespace} ({@code ip netns exec}). */
    public CommandRunner runner(String namespace) {
        return new CommandRunner() {
            @Override
            public CommandResult run(Command command, Consumer<String> out, Consumer<String> err) {
                return local.run(command.wrappedBy("ip", "netns", "exec", namespace), out, err);
            }
        };
    }

    @Override
    public void close() {
        for (String name : names) {
            CommandResult pids = local.run(Command.of("ip", "netns", "pids", name));
            pids.stdout().lines().filter(line -> !line.isBlank()).forEach(pid ->
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(LocalRunner::killTree));
            local.run(Command.of("ip", "netns", "del", name));
        }
        names.clear();
    }
}
