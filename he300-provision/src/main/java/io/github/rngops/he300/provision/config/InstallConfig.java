package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code install.yaml} says, checked and resolved: models against the registry, secrets given or
 * generated. Built by {@link ConfigReader}; immutable.
 *
 * <pre>{@code
 * InstallConfig config = InstallConfig.read(Path.of("install.yaml"));     // ConfigException on any problem
 * InstallConfig quick = InstallConfig.quickStart(ModelRegistry.ofDefaults().profile("a10-24gb").orElseThrow());
 * System.out.println(quick.toYaml());                                      // secrets as ****
 * }</pre>
 *
 * @param source the file it was read from ({@code quick-start} for {@link #quickStart})
 * @param target {@code target:}
 * @param os {@code os:}
 * @param gpu {@code gpu:}
 * @param models {@code models:}, resolved
 * @param network {@code network:}
 * @param services {@code services:}
 * @param security {@code security:}, secrets resolved
 * @param stack {@code stack:}
 * @param registry the model registry used ({@code models.registry}, or the shipped one)
 * @param profile the GPU profile when the file decides it ({@code gpu.profile} or {@code gpu.type}); empty when
 *     it comes from the host's facts ({@link #withProfile})
 */
public record InstallConfig(String source, Target target, OsSpec os, GpuSpec gpu, Models models,
                            NetworkConfig network, Services services, Security security, StackSpec stack,
                            ModelRegistry registry, Optional<GpuProfile> profile) {
    public InstallConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(profile, "profile");
    }

    /** Reads {@code file} with the process environment and a new {@link java.security.SecureRandom}. */
    public static InstallConfig read(Path file) {
        return ConfigReader.ofDefaults().read(file);
    }

    /** Defaults for a host of {@code profile}, without a config file (see {@link ConfigReader#quickStart}). */
    public static InstallConfig quickStart(GpuProfile profile) {
        return ConfigReader.ofDefaults().quickStart(profile);
    }

    /** The same config aimed at another target ({@code --host}, {@code --local}). */
    public InstallConfig withTarget(Target newTarget) {
        return new InstallConfig(source, newTarget, os, gpu, models, network, services, security, stack, registry,
                profile);
    }

    /** The same config with the profile chosen from the host's facts. */
    public InstallConfig withProfile(GpuProfile newProfile) {
        return new InstallConfig(source, target, os, gpu, models, network, services, security, stack, registry,
                Optional.of(newProfile));
    }

    /** {@code OLLAMA_NUM_PARALLEL}: {@code services.ollama.num_parallel}, else the profile's, else 1. */
    public int ollamaNumParallel() {
        return services.ollama().numParallel().orElseGet(() -> profile.map(GpuProfile::concurrentRequests).orElse(1));
    }

    /** {@code OLLAMA_CONTEXT_LENGTH}: {@code services.ollama.context_length}, else the profile's, else the model's. */
    public int ollamaContextLength() {
        return services.ollama().contextLength().orElseGet(() -> profile.map(GpuProfile::contextLength)
                .orElseGet(() -> registry.models().get(models.defaultPull().model()).contextLength()));
    }

    /** The resolved config as YAML in {@code install.yaml}'s shape, every secret as {@code ****} with its origin. */
    public String toYaml() {
        return ConfigYaml.render(this);
    }

    /** What {@code --dry-run} prints: {@link #toYaml()}. */
    public String describe() {
        return toYaml();
    }

    /** A summary; never a secret. */
    @Override
    public String toString() {
        return "InstallConfig[" + source + ": target " + target.host() + ", model " + models.defaultPull()
                + ", network " + network.mode().label() + "]";
    }
}
