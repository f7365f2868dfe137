package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigNode;
import io.github.rngops.he300.core.config.DidYouMean;
import io.github.rngops.he300.core.config.Problems;
import io.github.rngops.he300.core.config.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads {@code models.yaml} into a {@link ModelRegistry}, reporting every problem with its place. */
final class RegistryReader {
    private static final java.util.regex.Pattern HF_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    static final List<String> ROOT = List.of("models", "gpu_profiles");
    static final List<String> MODEL = List.of("ollama_name", "hf_id", "context_length", "recommended_gpu_memory",
            "quantizations");
    static final List<String> PROFILE = List.of("accelerator", "memory_gb", "gpu_names", "max_model_size",
            "recommended_models", "max_batch_size", "concurrent_requests", "context_length", "gpu_count",
            "vllm_gpu_memory_utilization", "vllm_concurrent_requests");

    private RegistryReader() {}

    static ModelRegistry read(String file, String yaml) {
        Problems problems = new Problems();
        ConfigNode root = ConfigNode.parse(file, yaml, problems);
        Section top = root.section(ROOT);
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        Map<String, ConfigNode> modelNodes = top.get("models").entries();
        if (modelNodes.isEmpty()) {
            top.get("models").problem("the registry must list at least one model");
        }
        ModelRegistry names = new ModelRegistry(file, Map.of(), Map.of());
        modelNodes.forEach((name, node) -> model(name, node, names).ifPresent(spec -> models.put(name, spec)));
        ModelRegistry withModels = new ModelRegistry(file, models, Map.of());
        Map<String, GpuProfile> profiles = new LinkedHashMap<>();
        top.get("gpu_profiles").entries().forEach((name, node) ->
                profile(name, node, withModels, modelNodes).ifPresent(profile -> profiles.put(name, profile)));
        problems.throwIfAny();
        return new ModelRegistry(file, models, profiles);
    }

    private static Optional<ModelSpec> model(String name, ConfigNode node, ModelRegistry empty) {
        Section section = node.section(MODEL);
        boolean ok = true;
        if (empty.unknownModel(name).contains("does not exist")) {
            node.atKey().problem(empty.unknownModel(name));
            ok = false;
        }
        Optional<OllamaTag> ollamaName = section.get("ollama_name").text(OllamaTag::parse);
        if (!section.has("ollama_name")) {
            section.get("ollama_name").problem("missing: the default Ollama tag, like llama3.2:3b-instruct-q4_K_M");
        }
        Optional<String> hfId = section.get("hf_id").text(text -> {
            if (!HF_ID.matcher(text).matches()) {
                throw new IllegalArgumentException("must be a Hugging Face model id, owner/name, like"
                        + " meta-llama/Llama-3.2-3B-Instruct, was \"" + text + "\"");
            }
            return text;
        });
        int context = section.integer("context_length", 8192, 1, 1 << 20, "a token count 1..1048576");
        double memory = section.autoPositive("recommended_gpu_memory", "a positive number of GB")
                .map(BigDecimal::doubleValue).orElse(0.0);
        Map<Quantization, OllamaTag> quantizations = new EnumMap<>(Quantization.class);
        for (Map.Entry<String, ConfigNode> entry : section.get("quantizations").entries().entrySet()) {
            Optional<Quantization> q = Quantization.find(entry.getKey());
            if (q.isEmpty()) {
                entry.getValue().problem("unknown quantization '" + entry.getKey() + "'"
                        + DidYouMean.hint(entry.getKey(), Quantization.labels()));
                ok = false;
                continue;
            }
            Optional<OllamaTag> tag = entry.getValue().text(OllamaTag::parse);
            if (tag.isEmpty()) {
                if (entry.getValue().isNull()) {
                    entry.getValue().problem("missing: the Ollama tag of " + q.get());
                }
                ok = false;
                continue;
            }
            quantizations.put(q.get(), tag.get());
        }
        if (!section.has("quantizations")) {
            section.get("quantizations").problem("missing: at least one quantization and its tag, like"
                    + " Q4_K_M: llama3.2:3b-instruct-q4_K_M");
            ok = false;
        }
        if (!ok || ollamaName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelSpec(name, ollamaName.get(), hfId, context, memory, quantizations));
    }

    private static Optional<GpuProfile> profile(String name, ConfigNode node, ModelRegistry registry,
                                                Map<String, ConfigNode> declared) {
        Section section = node.section(PROFILE);
        GpuProfile.Accelerator accelerator = GpuProfile.Accelerator.valueOf(section.choice("accelerator",
                List.of("nvidia", "apple", "none"), "nvidia").toUpperCase(java.util.Locale.ROOT));
        OptionalInt memory = section.autoInteger("memory_gb", 1, 1 << 20, "a whole number of GB")
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<String> gpuNames = new ArrayList<>();
        section.list("gpu_names").forEach(item -> item.text().ifPresent(gpuNames::add));
        String maxSize = section.string("max_model_size", "");
        List<String> recommended = new ArrayList<>();
        boolean ok = true;
        for (ConfigNode item : section.list("recommended_models")) {
            Optional<String> model = item.text();
            if (model.isEmpty()) {
                ok = false;
            } else if (registry.model(model.get()).isEmpty()) {
                if (!declared.containsKey(model.get())) {   // a declared but broken model is reported where it is
                    item.problem(registry.unknownModel(model.get()));
                }
                ok = false;
            } else {
                recommended.add(model.get());
            }
        }
        if (section.list("recommended_models").isEmpty()) {
            section.get("recommended_models").problem("missing: at least one model of this registry");
            ok = false;
        }
        int batch = section.integer("max_batch_size", 50, 1, 10_000, "a batch size 1..10000");
        int concurrent = section.integer("concurrent_requests", 1, 1, 256, "a request count 1..256");
        int context = section.integer("context_length", 8192, 512, 1 << 20, "a token count 512..1048576");
        int gpus = section.integer("gpu_count", 1, 1, 64, "a GPU count 1..64 (vLLM's tensor parallel size)");
        double utilization = section.autoPositive("vllm_gpu_memory_utilization", "a fraction of GPU memory 0..1")
                .map(BigDecimal::doubleValue).orElse(GpuProfile.VLLM_GPU_MEMORY_UTILIZATION);
        if (utilization > 1) {
            section.get("vllm_gpu_memory_utilization").problem("must be a fraction of GPU memory above 0 and at"
                    + " most 1, was " + utilization);
            ok = false;
        }
        int vllmConcurrent = section.integer("vllm_concurrent_requests", concurrent, 1, 4096,
                "a request count 1..4096");
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new GpuProfile(name, accelerator, memory, gpuNames, maxSize, recommended, batch,
                concurrent, context, gpus, utilization, vllmConcurrent));
    }
}
