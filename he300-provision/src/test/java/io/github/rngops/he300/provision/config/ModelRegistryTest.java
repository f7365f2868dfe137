package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import io.github.rngops.he300.core.config.DidYouMean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ModelRegistryTest {
    private final ModelRegistry registry = ModelRegistry.ofDefaults();

    @Test
    void theShippedRegistryHasTheModelsThatExist() {
        assertThat(registry.models().keySet()).containsExactly("llama-3.2-1B-instruct", "llama-3.2-3B-instruct",
                "llama-3.1-8B-instruct", "mistral-7B-instruct");
        assertThat(registry.model("llama-3.1-8B-instruct").orElseThrow().quantizations().values())
                .extracting(OllamaTag::toString).containsExactly("llama3.1:8b-instruct-q4_K_M",
                        "llama3.1:8b-instruct-q5_K_M", "llama3.1:8b-instruct-q8_0", "llama3.1:8b-instruct-fp16");
        assertThat(registry.model("llama-3.2-1B-instruct").orElseThrow().ollamaName())
                .hasToString("llama3.2:1b-instruct-q4_K_M");
        assertThat(registry.models().values()).flatExtracting(m -> m.quantizations().values())
                .extracting(OllamaTag::toString).noneMatch(tag -> tag.startsWith("llama3.2:8b"));
    }

    @Test
    void theShippedProfilesCoverA10A100MacAndCpu() {
        assertThat(registry.profiles().keySet()).containsExactly("a10-24gb", "a100-40gb", "mac-m1-16gb", "cpu");
        GpuProfile a10 = registry.profile("a10-24gb").orElseThrow();
        assertThat(a10.maxBatchSize()).isEqualTo(50);
        assertThat(a10.concurrentRequests()).isEqualTo(4);
        assertThat(a10.recommendedModels()).containsExactly("llama-3.1-8B-instruct", "mistral-7B-instruct");
        assertThat(registry.cpuProfile().name()).isEqualTo("cpu");
    }

    @Test
    void profilesAreChosenByTheLongestGpuNamePrefix() {
        assertThat(registry.profileFor("NVIDIA A10")).map(GpuProfile::name).contains("a10-24gb");
        assertThat(registry.profileFor("NVIDIA A100-SXM4-40GB")).map(GpuProfile::name).contains("a100-40gb");
        assertThat(registry.profileFor("Apple M2")).map(GpuProfile::name).contains("mac-m1-16gb");
        assertThat(registry.profileFor("NVIDIA GeForce RTX 4090")).isEmpty();
    }

    @Test
    void commandLinePullsResolveOrSayWhy() {
        assertThat(registry.pull("mistral-7B-instruct", "q5_k_m").tag()).hasToString("mistral:7b-instruct-q5_K_M");
        assertThat(catchThrowableOfType(ConfigException.class, () -> registry.pull("llama-3.2-8B-instruct",
                "Q5_K_M")).getMessage()).isEqualTo("command line: --pull-model: 'llama-3.2-8B-instruct' does not"
                + " exist: Llama 3.2 has 1B and 3B only; the 8B model is Llama 3.1, use 'llama-3.1-8B-instruct'");
        assertThat(catchThrowableOfType(ConfigException.class, () -> registry.pull("mistral-7B-instruct",
                "int4")).getMessage()).isEqualTo("command line: --quantization: unknown quantization 'int4'"
                + " (offered for mistral-7B-instruct: Q4_K_M, Q5_K_M, Q8_0, fp16)");
        assertThat(catchThrowableOfType(ConfigException.class, () -> registry.pull("--set-model", "x", "Q4_K_M"))
                .getMessage()).startsWith("command line: --set-model: unknown model 'x'");
    }

    @Test
    void theSeedsRegistryIsRefusedWhereItIsWrong() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ModelRegistry.parse("models.yaml", """
                models:
                  llama-3.2-8B-instruct:
                    ollama_name: "llama3.2:8b-instruct-q4_K_M"
                    quantizations:
                      Q4_K_M: "llama3.2:8b-instruct-q4_K_M"
                gpu_profiles:
                  a10-24gb:
                    recommended_models:
                      - "llama-3.2-8B-instruct"
                """));

        assertThat(e.problems()).extracting(ConfigException.Problem::toString).containsExactly(
                "models.yaml:2:3: models.llama-3.2-8B-instruct: 'llama-3.2-8B-instruct' does not exist: Llama 3.2"
                        + " has 1B and 3B only; the 8B model is Llama 3.1, use 'llama-3.1-8B-instruct'",
                "models.yaml:3:18: models.llama-3.2-8B-instruct.ollama_name: 'llama3.2:8b-instruct-q4_K_M' does not"
                        + " exist: Llama 3.2 has 1B and 3B only; the 8B model is Llama 3.1"
                        + " (llama3.1:8b-instruct-q4_K_M)",
                "models.yaml:5:15: models.llama-3.2-8B-instruct.quantizations.Q4_K_M: 'llama3.2:8b-instruct-q4_K_M'"
                        + " does not exist: Llama 3.2 has 1B and 3B only; the 8B model is Llama 3.1"
                        + " (llama3.1:8b-instruct-q4_K_M)");
    }

    @Test
    void tagsMustBePlausibleOllamaTags() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ModelRegistry.parse("models.yaml", """
                models:
                  m:
                    ollama_name: "Llama3:8b"
                    quantizations:
                      Q4_K_M: "llama3"
                      Q8: "llama3:8b-q8_0"
                      fp16: "llama3:8b fp16"
                """));

        assertThat(e.problems()).extracting(ConfigException.Problem::toString).containsExactly(
                "models.yaml:3:18: models.m.ollama_name: 'Llama3:8b' is not an Ollama model name: the name before"
                        + " ':' must be lower case letters, digits, '.', '_', '-' (like llama3.2)",
                "models.yaml:5:15: models.m.quantizations.Q4_K_M: 'llama3' is not an Ollama model tag: write"
                        + " name:tag, like llama3.2:3b-instruct-q4_K_M",
                "models.yaml:6:11: models.m.quantizations.Q8: unknown quantization 'Q8'; did you mean 'Q8_0'?",
                "models.yaml:7:13: models.m.quantizations.fp16: 'llama3:8b fp16' has a tag Ollama cannot have: use"
                        + " letters, digits, '.', '_', '-' (like 3b-instruct-q4_K_M)");
    }

    @Test
    void didYouMeanCountsTranspositionsAsOneEdit() {
        assertThat(DidYouMean.distance("prot", "port")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.nearest("hsot", java.util.List.of("host", "user"))).contains("host");
        assertThat(DidYouMean.nearest("xyzzy", java.util.List.of("host", "user"))).isEmpty();
    }
}
