package io.github.rngops.he300.net.firewall;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandRunner;
import io.github.rngops.he300.net.NetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link DockerUserRules} and {@link HostInputRules} share: an own chain of ordered rules that a parent chain
 * ({@code DOCKER-USER}, {@code INPUT}) jumps to first, kept idempotently: the chain made when {@code -L} finds none,
 * the jump and each rule checked with {@code -C} before they are inserted at their place, and the rules the caller
 * no longer wants read back with {@code -S} and deleted.
 */
record OwnChain(String parent, String chain, boolean sudo) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,28}");

    /** {@return whether {@code name} is of the form iptables takes for a chain of one's own} */
    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Adds {@code ports} to {@code into}, each once; a port out of 1..65535 is a {@link NetException} naming it. */
    static void addPorts(List<Integer> into, int... ports) {
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw NetException.invalid("ports", "port " + port + " is out of range: use 1..65535");
            }
            if (!into.contains(port)) {
                into.add(port);
            }
        }
    }

    static String tool(boolean ipv6) {
        return ipv6 ? "ip6tables" : "iptables";
    }

    /** {@return the steps for one tool: make the chain, add the jump from the parent, then each rule at its place} */
    List<Step> steps(String tool, List<List<String>> rules) {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.unless(command(tool, List.of("-n", "-L", chain)), command(tool, List.of("-N", chain))));
        steps.add(Step.unless(command(tool, List.of("-C", parent, "-j", chain)),
                command(tool, List.of("-I", parent, "1", "-j", chain))));
        for (int i = 0; i < rules.size(); i++) {
            steps.add(Step.unless(command(tool, with(List.of("-C", chain), rules.get(i))),
                    command(tool, with(List.of("-I", chain, Integer.toString(i + 1)), rules.get(i)))));
        }
        return steps;
    }

    /** {@return the command that lists the chain's rules, read to find what to prune} */
    Command listing(String tool) {
        return command(tool, List.of("-S", chain));
    }

    /** {@return the dry run's line for the pruning of one tool's chain} */
    String pruneLine(String tool) {
        return listing(tool).displayLine() + "  # then " + tool + " -D " + chain
                + " <rule> for each rule not listed above";
    }

    /**
     * Deletes the rules of the chain that {@code wanted} does not name.
     *
     * @return one {@link Step.Outcome#CHANGED} per rule deleted
     */
    List<Step.Outcome> prune(CommandRunner runner, String tool, List<List<String>> wanted) {
        List<Step.Outcome> outcomes = new ArrayList<>();
        String prefix = "-A " + chain + " ";
        for (String line : runner.runChecked(listing(tool)).stdout().split("\\R")) {
            if (line.startsWith(prefix)) {
                List<String> rule = Arrays.asList(line.substring(prefix.length()).strip().split(" +"));
                if (!wanted.contains(rule)) {
                    runner.runChecked(command(tool, with(List.of("-D", chain), rule)));
                    outcomes.add(Step.Outcome.CHANGED);
                }
            }
        }
        return outcomes;
    }

    /** {@return {@code tool -w args}, through sudo when the chain's commands need it} */
    Command command(String tool, List<String> args) {
        return Command.builder(tool).arg("-w").args(args).sudo(sudo).build();
    }

    @SafeVarargs
    static List<String> with(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
