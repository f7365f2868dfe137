/**
 * The stack's generated files: compose files for GPU and CPU hosts, {@code .env} (the secrets, mode 0600),
 * PostgreSQL's {@code init.sql}, and the systemd units. Generated from an
 * {@link io.github.rngops.he300.provision.config.InstallConfig} as data ({@link io.github.rngops.he300.provision.stack.StackFile}s),
 * YAML through snakeyaml-engine's dumper, never by pasting secrets into templates; written later through a command
 * runner ({@link io.github.rngops.he300.provision.stack.StackFile#installCommand}).
 *
 * <pre>{@code
 * StackFiles files = StackFiles.of(config.withProfile(profile));
 * for (StackFile file : files.all()) {
 *     runner.run(file.installCommand(true, clock.instant()));     // content on stdin, never on a command line
 * }
 * }</pre>
 */
package io.github.rngops.he300.provision.stack;
