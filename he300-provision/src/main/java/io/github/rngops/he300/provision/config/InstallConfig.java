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
    /**
     * Checks that every component is given (the profile as an {@link Optional}).
     *
     * @param source the file it was read from
     * @param target {@code target:}
     * @param os {@code os:}
     * @param gpu {@code gpu:}
     * @param models {@code models:}, resolved
     * @param network {@code network:}
     * @param services {@code services:}
     * @param security {@code security:}, secrets resolved
     * @param stack {@code stack:}
     * @param registry the model registry used
     * @param profile the GPU profile, or empty until chosen from the facts
     * @throws NullPointerException if a component is null
     */
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

    /**
     * Reads {@code file} with the process environment and a new {@link java.security.SecureRandom}
     * ({@link ConfigReader#ofDefaults()}).
     *
     * @param file the {@code install.yaml}
     * @return the resolved config
     * @throws ConfigException listing every problem of the file with its place
     */
    public static InstallConfig read(Path file) {
        return ConfigReader.ofDefaults().read(file);
    }

    /**
     * Defaults for a host of {@code profile}, without a config file (see {@link ConfigReader#quickStart}).
     *
     * @param profile the GPU profile
     * @return the quick-start config
     */
    public static InstallConfig quickStart(GpuProfile profile) {
        return ConfigReader.ofDefaults().quickStart(profile);
    }

    /**
     * {@return the same config aimed at another target ({@code --host}, {@code --local})}
     *
     * @param newTarget the host to provision instead
     */
    public InstallConfig withTarget(Target newTarget) {
        return new InstallConfig(source, newTarget, os, gpu, models, network, services, security, stack, registry,
                profile);
    }

    /**
     * {@return the same config with the profile chosen from the host's facts}
     *
     * @param newProfile the GPU profile, replacing any the file gave
     */
    public InstallConfig withProfile(GpuProfile newProfile) {
        return new InstallConfig(source, target, os, gpu, models, network, services, security, stack, registry,
                Optional.of(newProfile));
    }

    /**
     * {@return the same config with other secrets (those kept in the host's {@code .env}, or rotated ones)}
     *
     * @param newSecurity the secrets and allowlist to use
     */
    public InstallConfig withSecurity(Security newSecurity) {
        return new InstallConfig(source, target, os, gpu, models, network, services, newSecurity, stack, registry,
                profile);
    }

    /** {@return {@code OLLAMA_NUM_PARALLEL}: {@code services.ollama.num_parallel}, else the profile's, else 1} */
    public int ollamaNumParallel() {
        return services.ollama().numParallel().orElseGet(() -> profile.map(GpuProfile::concurrentRequests).orElse(1));
    }

    /**
     * {@return {@code OLLAMA_CONTEXT_LENGTH}: {@code services.ollama.context_length}, else the profile's, else the model's}
     */
    public int ollamaContextLength() {
        return services.ollama().contextLength().orElseGet(() -> profile.map(GpuProfile::contextLength)
                .orElseGet(() -> registry.models().get(models.defaultPull().model()).contextLength()));
    }

    /** {@return whether vLLM serves the model ({@code services.inference: vllm}) instead of Ollama} */
    public boolean vllm() {
        return services.inference() == Services.Inference.VLLM;
    }

    /** {@return the default model's Hugging Face id, which vLLM serves; empty when the registry gives none} */
    public Optional<String> huggingFaceModel() {
        return Optional.ofNullable(registry.models().get(models.defaultPull().model()))
                .flatMap(ModelSpec::huggingFaceId);
    }

    /**
     * {@return vLLM's {@code --max-model-len}: {@code services.vllm.max_model_len}, else the profile's context length}
     */
    public int vllmMaxModelLen() {
        return services.vllm().maxModelLen().orElseGet(() -> profile.map(GpuProfile::contextLength)
                .orElseGet(() -> registry.models().get(models.defaultPull().model()).contextLength()));
    }

    /** {@return vLLM's {@code --gpu-memory-utilization}: the setting, else the profile's, else vLLM's default} */
    public double vllmGpuMemoryUtilization() {
        return services.vllm().gpuMemoryUtilization().orElseGet(() -> profile
                .map(GpuProfile::vllmGpuMemoryUtilization).orElse(GpuProfile.VLLM_GPU_MEMORY_UTILIZATION));
    }

    /** {@return vLLM's {@code --tensor-parallel-size}: the setting, else the profile's GPU count, else 1} */
    public int vllmTensorParallel() {
        return services.vllm().tensorParallel().orElseGet(() -> profile.map(GpuProfile::gpuCount).orElse(1));
    }

    /**
     * {@return vLLM's {@code --max-num-seqs} and the quick benchmark's concurrency: the setting, else the profile's}
     */
    public int vllmMaxNumSeqs() {
        return services.vllm().maxNumSeqs().orElseGet(() -> profile.map(GpuProfile::vllmConcurrentRequests)
                .orElse(1));
    }

    /**
     * {@return the resolved config as YAML in {@code install.yaml}'s shape, every secret as {@code ****} with its
     * origin}
     */
    public String toYaml() {
        return ConfigYaml.render(this);
    }

    /** {@return what {@code --dry-run} prints: {@link #toYaml()}} */
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
