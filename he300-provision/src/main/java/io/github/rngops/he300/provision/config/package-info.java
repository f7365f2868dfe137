/**
 * The installer's configuration: {@code install.yaml} read into {@link io.github.rngops.he300.provision.config.InstallConfig}
 * and {@code models.yaml} into {@link io.github.rngops.he300.provision.config.ModelRegistry}, both through
 * {@link io.github.rngops.he300.provision.config.ConfigReader}. Every refusal is a
 * {@link io.github.rngops.he300.core.config.ConfigException} naming file, line, column and key path, raised
 * before anything is changed anywhere. Secrets are {@link io.github.rngops.he300.provision.config.Secret}s, shown
 * as {@code ****} everywhere.
 *
 * <pre>{@code
 * InstallConfig config = ConfigReader.ofDefaults().read(Path.of("install.yaml"));
 * String tag = config.models().defaultPull().tag();          // llama3.2:3b-instruct-q4_K_M
 * System.out.println(config.toYaml());                        // secrets masked
 * }</pre>
 */
package io.github.rngops.he300.provision.config;
