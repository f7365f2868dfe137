package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Objects;

/**
 * Where and how the stack lives on the host ({@code stack:}).
 *
 * @param dir the directory holding the compose files, {@code .env} and {@code init.sql} ({@code /opt/he300})
 * @param project the compose project name ({@code he300})
 * @param healthCommand what the health timer runs, as arguments ({@code /opt/he300/he300 health-check})
 * @param healthIntervalMinutes how often the timer runs it (5)
 */
public record StackSpec(String dir, String project, List<String> healthCommand, int healthIntervalMinutes) {
    /** Where the stack lives unless {@code stack.dir} says otherwise. */
    public static final String DEFAULT_DIR = "/opt/he300";

    /**
     * Refuses a null component or an empty health command; the command is copied.
     *
     * @param dir the directory holding the compose files, {@code .env} and {@code init.sql} ({@code /opt/he300})
     * @param project the compose project name ({@code he300})
     * @param healthCommand what the health timer runs, as arguments ({@code /opt/he300/he300 health-check})
     * @param healthIntervalMinutes how often the timer runs it (5)
     */
    public StackSpec {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(project, "project");
        healthCommand = List.copyOf(healthCommand);
        if (healthCommand.isEmpty()) {
            throw new IllegalArgumentException("the health command is empty");
        }
    }
}
