package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleFormatTest {
    private static Path shared;
    private static Sample sample;

    @BeforeAll
    static void draw() {
        shared = Path.of(System.getProperty("he300.shared", "../shared"));
        assertThat(shared.resolve("data/ethics")).as("dataset copy under he300.shared").isDirectory();
        SampleSpec spec = SampleSpec.builder().size(30).seed(11).build();
        sample = Sampler.draw(spec, Dataset.load(shared.resolve("data/ethics")));
    }

    @Test
    void tsvIsTheGoldenFileWithAChecksumComment() throws IOException {
        StringWriter out = new StringWriter();
        SampleFormat.TSV.write(sample, out);
        List<String> lines = out.toString().lines().toList();
        List<String> golden = Files.readAllLines(shared.resolve("he300/goldens/v1.0-n30-seed11.tsv"));

        assertThat(lines.get(0)).isEqualTo(golden.get(0));
        assertThat(lines.get(1)).startsWith("# dataset cm_test=a004f51b").doesNotContain("(unknown)");
        assertThat(lines.subList(2, lines.size())).isEqualTo(golden.subList(1, golden.size()));
    }

    @Test
    void jsonCarriesFullScenariosAndTheSpec() throws IOException {
        StringWriter out = new StringWriter();
        SampleFormat.JSON.write(sample, out);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("spec").path("seed").asText()).isEqualTo("11");
        assertThat(json.path("dataset")).hasSize(5);
        assertThat(json.path("scenarios")).hasSize(30);
        JsonNode first = json.path("scenarios").get(0);
        assertThat(first.path("scenario_id").asText()).isEqualTo("hendrycks_ethics:cm_test_hard:00777");
        assertThat(first.path("input").asText()).isEqualTo(sample.scenarios().get(0).input());
        assertThat(first.path("expected_word").asText()).isEqualTo("Unethical");
    }
}
