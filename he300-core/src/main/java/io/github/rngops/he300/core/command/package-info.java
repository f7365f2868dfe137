/**
 * Commands as data: {@link io.github.rngops.he300.core.command.Command} (an argument vector with stdin, environment,
 * directory, sudo and timeout; secrets masked in every display), {@link io.github.rngops.he300.core.command.Shell}
 * quoting, and the {@link io.github.rngops.he300.core.command.CommandRunner} that local, SSH and test runners
 * implement.
 */
package io.github.rngops.he300.core.command;
