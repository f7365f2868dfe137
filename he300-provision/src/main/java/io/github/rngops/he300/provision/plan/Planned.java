package io.github.rngops.he300.provision.plan;

import io.github.rngops.he300.core.command.Command;
import java.util.Objects;
import java.util.Optional;

/**
 * One action a step would take, for {@code --dry-run}: what it does, and the command if it is one (shown by its
 * {@link Command#displayLine() display line}, secrets masked, standard input withheld).
 *
 * @param summary what the action does
 * @param command the command it runs, if any
 */
public record Planned(String summary, Optional<Command> command) {
    /**
     * Refuses a null component (a {@code NullPointerException} naming it).
     *
     * @param summary what the action does
     * @param command the command it runs, if any
     */
    public Planned {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(command, "command");
    }

    /**
     * {@return an action that runs a command}
     *
     * @param summary what it does, as {@code would <summary>} reads
     * @param command the command; a dry run shows its display line
     */
    static Planned run(String summary, Command command) {
        return new Planned(summary, Optional.of(command));
    }

    /**
     * {@return an action without a command of its own (a file written, a wait)}
     *
     * @param summary what it does
     */
    static Planned note(String summary) {
        return new Planned(summary, Optional.empty());
    }
}
