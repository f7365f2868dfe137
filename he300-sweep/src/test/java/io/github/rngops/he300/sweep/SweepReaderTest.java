package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sweep.yaml: what it means, and its errors placed like install.yaml's. */
class SweepReaderTest {

    static final String FILE = "name: nightly\n"
            + "hosts:\n"
            + "  gpu-a: {kind: ollama, url: 'http://gpu-a:11434', concurrency: 4, credentials_env: GPU_A}\n"
            + "  gpu-b:\n"
            + "    kind: openai\n"
            + "    url: http://gpu-b:8000/v1\n"
            + "    credentials_file: secrets/gpu-b.env\n"
            + "models:\n"
            + "  - llama3.2:3b\n"
            + "  - {name: qwen2.5:7b, quantization: Q4_K_M, hosts: [gpu-b]}\n"
            + "seeds: [42, 7]\n"
            + "sample: {size: 30, protocol: '1.1'}\n"
            + "run: {max_tokens: 128, timeout: 2m, fail_fast: 5}\n";

    static Sweep parse(String yaml) {
        return Sweep.parse("sweep.yaml", yaml, Path.of("/etc/he300"));
    }

    @Test
    void readsHostsModelsSeedsSampleAndRun() {
        Sweep sweep = parse(FILE);
        assertThat(sweep.name()).isEqualTo("nightly");
        assertThat(sweep.hosts()).extracting(Host::name).containsExactly("gpu-a", "gpu-b");
        Host a = sweep.host("gpu-a").orElseThrow();
        assertThat(a.kind()).isEqualTo(TargetKind.OLLAMA);
        assertThat(a.concurrency()).isEqualTo(4);
        assertThat(a.credentials()).isEqualTo(Host.CredentialRef.environment("GPU_A"));
        assertThat(sweep.host("gpu-b").orElseThrow().credentials().file())
                .isEqualTo(Path.of("/etc/he300/secrets/gpu-b.env"));
        assertThat(sweep.sample().size()).isEqualTo(30);
        assertThat(sweep.sample().version().id()).isEqualTo("1.1");
        assertThat(sweep.run().requestTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sweep.run().failFast()).isEqualTo(5);
    }

    @Test
    void theCellsAreTheProductGroupedByHostThenModelWithStableIds() {
        SweepPlan plan = parse(FILE).plan();
        assertThat(plan.cells()).extracting(Cell::id).containsExactly(
                "gpu-a.llama3-2-3b.s42", "gpu-a.llama3-2-3b.s7",
                "gpu-b.llama3-2-3b.s42", "gpu-b.llama3-2-3b.s7",
                "gpu-b.qwen2-5-7b-q4_k_m.s42", "gpu-b.qwen2-5-7b-q4_k_m.s7");
        // the same cells whatever the order of the file
        String reordered = FILE.replace("seeds: [42, 7]", "seeds: [7, 42]");
        assertThat(parse(reordered).plan().cells()).extracting(Cell::id)
                .containsExactlyInAnyOrderElementsOf(plan.cells().stream().map(Cell::id).toList());
        assertThat(SweepPlan.modelLoads(plan.byHost().get("gpu-b"))).isEqualTo(2);
    }

    @Test
    void listedCellsReplaceTheProductAndStayGroupedByModel() {
        Sweep sweep = parse(FILE + "cells:\n  - {host: gpu-b, model: qwen2.5:7b, seed: 1}\n"
                + "  - {host: gpu-b, model: llama3.2:3b, seed: 1}\n  - {host: gpu-b, model: qwen2.5:7b, seed: 2}\n");
        assertThat(sweep.plan().cells()).extracting(Cell::id).containsExactly("gpu-b.llama3-2-3b.s1",
                "gpu-b.qwen2-5-7b-q4_k_m.s1", "gpu-b.qwen2-5-7b-q4_k_m.s2");
    }

    @Test
    void theMatrixHasOneEntryPerCellOrPerHost() throws Exception {
        SweepPlan plan = parse(FILE).plan();
        JsonNode cells = new ObjectMapper().readTree(plan.matrix(false)).get("include");
        assertThat(cells).hasSize(6);
        assertThat(cells.get(4).get("cell").asText()).isEqualTo("gpu-b.qwen2-5-7b-q4_k_m.s42");
        assertThat(cells.get(4).get("quantization").asText()).isEqualTo("Q4_K_M");
        JsonNode hosts = new ObjectMapper().readTree(plan.matrix(true)).get("include");
        assertThat(hosts).hasSize(2);
        assertThat(hosts.get(0).get("cells").asText()).isEqualTo("gpu-a.llama3-2-3b.s42 gpu-a.llama3-2-3b.s7");
    }

    @Test
    void theDryRunSaysCellsPerHostInOrderWithAnEstimate() {
        String plan = parse(FILE).plan().describe(Duration.ofSeconds(2));
        assertThat(plan).contains("6 cells on 2 hosts, 30 scenarios each")
                .contains("host gpu-a (ollama http://gpu-a:11434, concurrency 4): 2 cells, 1 model load, about 30 s")
                .contains("host gpu-b (openai http://gpu-b:8000/v1, concurrency 4): 4 cells, 2 model loads,"
                        + " about 1 min 0 s")
                .contains("estimate: about 1 min 0 s");
        assertThat(plan.indexOf("gpu-b.llama3-2-3b.s7")).isLessThan(plan.indexOf("gpu-b.qwen2-5-7b-q4_k_m.s42"));
    }

    @Test
    void anUnknownKeyIsPlacedWithADidYouMean() {
        assertThatThrownBy(() -> parse(FILE.replace("concurrency: 4", "concurency: 4")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sweep.yaml:3:52: hosts.gpu-a.concurency: unknown key; did you mean 'concurrency'?");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPlace() {
        String bad = FILE.replace("kind: openai", "kind: olama").replace("hosts: [gpu-b]", "hosts: [gpu-c]")
                .replace("timeout: 2m", "timeout: soon");
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(bad));
        assertThat(e.problems()).extracting(ConfigException.Problem::toString).containsExactly(
                "sweep.yaml:5:11: hosts.gpu-b.kind: must be one of ollama, openai, ethicsengine, cirisnode, simulate,"
                        + " was \"olama\"; did you mean 'ollama'?",
                "sweep.yaml:10:54: models[1].hosts[0]: no host gpu-c in hosts; did you mean 'gpu-a'?",
                "sweep.yaml:13:33: run.timeout: 'soon' is not a duration: use 90 (seconds), 90s, 500ms, 5m, 2h or"
                        + " ISO-8601 like PT3M");
    }

    @Test
    void quantizationsExpandToOneModelEach() {
        Sweep sweep = parse(FILE.replace("  - llama3.2:3b\n", "  - quantizations: {Q4_K_M: 'llama3.2:3b-instruct-q4_K_M',"
                + " Q8_0: 'llama3.2:3b-instruct-q8_0'}\n    hosts: [gpu-a]\n"));
        assertThat(sweep.plan().byHost().get("gpu-a")).extracting(Cell::id).containsExactly(
                "gpu-a.llama3-2-3b-instruct-q4_k_m.s42", "gpu-a.llama3-2-3b-instruct-q4_k_m.s7",
                "gpu-a.llama3-2-3b-instruct-q8_0.s42", "gpu-a.llama3-2-3b-instruct-q8_0.s7");
        assertThat(sweep.models().get(1).quantization()).isEqualTo("Q8_0");

        assertThatThrownBy(() -> parse(FILE.replace("  - llama3.2:3b\n",
                "  - {name: x, quantizations: {Q4_K_M: y}}\n"))).hasMessageContaining("models[0].quantizations:"
                + " give name (and quantization) for one model, or quantizations");
    }

    @Test
    void theReadmesSweepFileReadsAsItSays() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        String text = java.nio.file.Files.readString(readme);
        int start = text.indexOf("# sweep.yaml\n");
        String yaml = text.substring(start, text.indexOf("```", start));
        SweepPlan plan = parse(yaml).plan();
        assertThat(plan.cells()).hasSize(10);
        assertThat(plan.baseline().id()).isEqualTo("gpu-a.llama3-2-3b-instruct-q4_k_m.s42");
        assertThat(plan.byHost().get("gpu-a")).hasSize(8).extracting(Cell::id)
                .contains("gpu-a.mistral-7b-instruct-q8_0.s7");
        assertThat(SweepPlan.modelLoads(plan.byHost().get("gpu-a"))).isEqualTo(4);
        assertThat(parse(yaml).host("gpu-b").orElseThrow().concurrency()).isEqualTo(8);
    }

    @Test
    void aBuilderChecksItsArguments() {
        assertThatThrownBy(() -> Host.of("bad name", TargetKind.OLLAMA, null)).hasMessageContaining("host name");
        assertThatThrownBy(() -> Sweep.builder().host(Host.of("a", TargetKind.SIMULATE, null))
                .model(new Model("m", null, List.of("z"))).seeds(1).build()).hasMessageContaining("names host z");
        assertThatThrownBy(() -> Sweep.builder().seeds(-1)).hasMessageContaining("non-negative");
    }
}
