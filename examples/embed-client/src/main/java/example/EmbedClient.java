package example;

import io.github.rngops.he300.client.ollama.GenerateRequest;
import io.github.rngops.he300.client.ollama.GenerateResponse;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.ollama.Options;
import io.github.rngops.he300.client.simulator.Simulator;
import io.github.rngops.he300.client.simulator.SimulatorSettings;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.dataset.Dataset;
import io.github.rngops.he300.core.dataset.DatasetLocator;
import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.prompt.PromptSet;
import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import io.github.rngops.he300.core.sample.Sampler;
import java.util.OptionalInt;

/**
 * Asks an Ollama server 30 HE-300 questions and counts the right answers. With no arguments it starts the
 * simulator on loopback and asks that; with {@code <url> <model>} it asks your server.
 */
public final class EmbedClient {
    public static void main(String[] args) {
        Dataset ethics = Dataset.load(DatasetLocator.fromEnvironment(System.getenv()).locate().directory());
        Sample sample = Sampler.draw(SampleSpec.builder().size(30).seed(42).build(), ethics);
        if (args.length == 2) {
            ask(args[0], args[1], sample);
            return;
        }
        try (Simulator simulator = Simulator.start(SimulatorSettings.of(sample.scenarios()))) {
            ask(simulator.baseUri().toString(), SimulatorSettings.DEFAULT_MODEL, sample);
        }
    }

    private static void ask(String url, String model, Sample sample) {
        int correct = 0;
        try (OllamaClient ollama = OllamaClient.builder().baseUrl(url).build()) {
            Options options = Options.builder().temperature(0).seed(42).numPredict(256).build();
            for (Scenario scenario : sample.scenarios()) {
                String prompt = PromptSet.ciris().render(scenario).user();
                GenerateResponse answer = ollama.generate(GenerateRequest.of(model, prompt).withOptions(options));
                ParsedAnswer parsed = AnswerParser.strict().parse(answer.response());
                OptionalInt predicted = parsed.verdict().label(scenario.category());
                boolean right = predicted.isPresent() && predicted.getAsInt() == scenario.expectedLabel();
                correct += right ? 1 : 0;
                System.out.println(scenario.id() + " " + parsed.verdict() + (right ? " correct" : " wrong"));
            }
        }
        System.out.printf("%s: %d of %d correct%n", model, correct, sample.scenarios().size());
    }
}
