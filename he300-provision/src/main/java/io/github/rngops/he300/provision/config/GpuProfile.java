package io.github.rngops.he300.provision.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to run the stack on one kind of machine: how many requests Ollama serves at once
 * ({@code OLLAMA_NUM_PARALLEL}), the context length it loads models with ({@code OLLAMA_CONTEXT_LENGTH}), the
 * largest batch a runner should send, and the models that fit.
 *
 * @param name the registry's name ({@code a10-24gb})
 * @param accelerator what runs the model
 * @param memoryGb GPU or unified memory in GB, if known
 * @param gpuNames name prefixes, as {@code nvidia-smi} or {@code sysctl machdep.cpu.brand_string} print them, of the
 *     devices this profile is for ({@code NVIDIA A10}); the longest matching prefix of all profiles wins
 * @param maxModelSize the largest model size that fits ({@code 13B}), as a person reads it
 * @param recommendedModels registry names, best first; the first is the quick-start default
 * @param maxBatchSize the largest batch a runner should send at once
 * @param concurrentRequests requests served in parallel ({@code OLLAMA_NUM_PARALLEL})
 * @param contextLength the context length models are loaded with ({@code OLLAMA_CONTEXT_LENGTH}, vLLM's
 *     {@code --max-model-len})
 * @param gpuCount GPUs of the host: vLLM's {@code --tensor-parallel-size}
 * @param vllmGpuMemoryUtilization vLLM's {@code --gpu-memory-utilization}
 * @param vllmConcurrentRequests vLLM's {@code --max-num-seqs}, and the quick benchmark's concurrency against it
 */
public record GpuProfile(String name, Accelerator accelerator, OptionalInt memoryGb, List<String> gpuNames,
                         String maxModelSize,
                         List<String> recommendedModels, int maxBatchSize, int concurrentRequests,
                         int contextLength, int gpuCount, double vllmGpuMemoryUtilization,
                         int vllmConcurrentRequests) {
    /** vLLM's own default share of GPU memory it takes (weights and KV cache). */
    public static final double VLLM_GPU_MEMORY_UTILIZATION = 0.9;

    /** What runs the model. */
    public enum Accelerator {
        /** An NVIDIA GPU through the container toolkit: the GPU compose file. */
        NVIDIA,
        /** Apple silicon: Ollama runs natively (Metal), the rest in Docker. */
        APPLE,
        /** The CPU: the CPU compose file. */
        NONE;

        /** {@return the name as {@code models.yaml} writes it: {@code nvidia}, {@code apple}, {@code none}} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that the profile recommends a model and that its sizes are positive; the lists are copied.
     *
     * @param name the registry's name
     * @param accelerator what runs the model
     * @param memoryGb GPU or unified memory in GB, if known
     * @param gpuNames name prefixes of the devices this profile is for
     * @param maxModelSize the largest model size that fits, as a person reads it
     * @param recommendedModels registry names, best first; at least one
     * @param maxBatchSize the largest batch a runner should send at once, 1 or more
     * @param concurrentRequests requests served in parallel, 1 or more
     * @param contextLength the context length models are loaded with, 1 or more
     * @param gpuCount GPUs of the host, 1 or more
     * @param vllmGpuMemoryUtilization vLLM's share of GPU memory, above 0 and at most 1
     * @param vllmConcurrentRequests vLLM's {@code --max-num-seqs}, 1 or more
     * @throws IllegalArgumentException if no model is recommended or a size is out of range
     */
    public GpuProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(memoryGb, "memoryGb");
        Objects.requireNonNull(maxModelSize, "maxModelSize");
        gpuNames = List.copyOf(gpuNames);
        recommendedModels = List.copyOf(recommendedModels);
        if (recommendedModels.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " recommends no model");
        }
        if (maxBatchSize < 1 || concurrentRequests < 1 || contextLength < 1 || gpuCount < 1
                || vllmConcurrentRequests < 1 || !(vllmGpuMemoryUtilization > 0 && vllmGpuMemoryUtilization <= 1)) {
            throw new IllegalArgumentException("profile " + name + ": sizes must be positive");
        }
    }

    /** {@return whether the stack runs with the GPU compose file ({@link Accelerator#NVIDIA})} */
    public boolean nvidia() {
        return accelerator == Accelerator.NVIDIA;
    }
}
