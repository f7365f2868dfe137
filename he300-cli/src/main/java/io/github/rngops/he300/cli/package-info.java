/**
 * What the jbang scripts in {@code scripts/} share, so that they only wire: picocli option groups
 * ({@link io.github.rngops.he300.cli.DatasetOptions}, {@link io.github.rngops.he300.cli.SampleOptions}), the one
 * mapping from exceptions to exit codes ({@link io.github.rngops.he300.cli.Cli}), and output formats.
 */
package io.github.rngops.he300.cli;
