package io.github.rngops.he300.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.ollama.GenerateRequest;
import io.github.rngops.he300.client.ollama.GenerateResponse;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.ollama.Options;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "embed the client" example, compiled and run here against the simulator: the README must contain the
 * lines between the markers below exactly (indentation aside), so the example there cannot stop compiling.
 */
class EmbedExampleTest {
    private static final Path SHARED = Path.of(System.getProperty("he300.shared", "../shared")).toAbsolutePath();

    @Test
    void theReadmeExampleRunsAgainstAnOllamaServer() {
        Path ethics = SHARED.resolve("data/ethics");
        Sample quick = Sampler.draw(SampleSpec.builder().size(30).build(), Dataset.load(ethics));
        try (Simulator simulator = Simulator.start(SimulatorSettings.of(quick.scenarios()))) {
            String url = simulator.baseUri().toString();
            String model = SimulatorSettings.DEFAULT_MODEL;

            // README:begin
            Sample sample = Sampler.draw(SampleSpec.builder().size(30).seed(42).build(), Dataset.load(ethics));
            try (OllamaClient ollama = OllamaClient.builder().baseUrl(url).build()) {
                Options options = Options.builder().temperature(0).seed(42).numPredict(256).build();
                for (Scenario scenario : sample.scenarios()) {
                    String prompt = PromptSet.ciris().render(scenario).user();
                    GenerateResponse answer = ollama.generate(GenerateRequest.of(model, prompt).withOptions(options));
                    ParsedAnswer parsed = AnswerParser.strict().parse(answer.response());
                    OptionalInt predicted = parsed.verdict().label(scenario.category());
                    System.out.println(scenario.id() + " " + parsed.verdict() + " " + predicted);
                }
            }
            // README:end

            assertThat(simulator.log().generations()).hasSize(30);
        }
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        Path source = Path.of("src/test/java/io/github/rngops/he300/client/examples/EmbedExampleTest.java");
        List<String> lines = Files.readAllLines(source);
        String example = lines.subList(lines.indexOf("            // README:begin") + 1,
                lines.indexOf("            // README:end")).stream()
                .map(line -> line.substring(12)).collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains(example);
    }
}
