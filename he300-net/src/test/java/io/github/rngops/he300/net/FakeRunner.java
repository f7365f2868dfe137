package io.github.rngops.he300.net;

import io.github.rngops.he300.core.command.Command;
import io.github.rngops.he300.core.command.CommandResult;
import io.github.rngops.he300.core.command.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Records every command and answers by argv prefix (longest first); unknown commands succeed with no output. */
public final class FakeRunner implements CommandRunner {
    private final Map<List<String>, CommandResult> answers = new LinkedHashMap<>();
    private final List<Command> calls = new ArrayList<>();

    public FakeRunner answer(List<String> argvPrefix, int exitCode, String stdout) {
        answers.put(argvPrefix, new CommandResult(exitCode, stdout, "", Duration.ZERO));
        return this;
    }

    public List<Command> calls() {
        return calls;
    }

    public List<String> argvs() {
        return calls.stream().map(command -> String.join(" ", command.argv())).toList();
    }

    @Override
    public synchronized CommandResult run(Command command, Consumer<String> out, Consumer<String> err) {
        calls.add(command);
        List<String> argv = command.argv();
        CommandResult best = new CommandResult(0, "", "", Duration.ZERO);
        int bestLength = -1;
        for (Map.Entry<List<String>, CommandResult> entry : answers.entrySet()) {
            List<String> prefix = entry.getKey();
            if (prefix.size() > bestLength && argv.size() >= prefix.size() && argv.subList(0, prefix.size()).equals(prefix)) {
                best = entry.getValue();
                bestLength = prefix.size();
            }
        }
        best.stdout().lines().forEach(out);
        return best;
    }
}
