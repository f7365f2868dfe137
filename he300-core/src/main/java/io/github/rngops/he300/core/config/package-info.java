/**
 * Reading YAML configuration files with every problem placed: {@link io.github.rngops.he300.core.config.ConfigNode}
 * (a node with file, line, column and key path, on snakeyaml-engine's node API),
 * {@link io.github.rngops.he300.core.config.Section} (a mapping of known keys, an unknown one answered with a
 * did-you-mean), {@link io.github.rngops.he300.core.config.Problems} (all of a file's problems, thrown at once as one
 * {@link io.github.rngops.he300.core.config.ConfigException}).
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * Section root = ConfigNode.parse("sweep.yaml", text, problems).section(List.of("hosts", "models", "seeds"));
 * int port = root.section("server", List.of("port")).port("port", 8080);
 * problems.throwIfAny();          // sweep.yaml:3:9: server.port: must be a port number 1..65535, was 70000
 * }</pre>
 *
 * <p>Used by {@code install.yaml} (he300-provision) and {@code sweep.yaml} (he300-sweep).
 */
package io.github.rngops.he300.core.config;
