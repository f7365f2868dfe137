package io.github.rngops.he300.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rngops.he300.client.simulator.RequestRecord.AnswerKind;
import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.parse.AnswerParser;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The answer policy seen through HTTP and graded as a run would grade it: the real strict parser, then the
 * category's label mapping.
 */
class AnswerPolicyTest {

    static final String MODEL = SimulatorSettings.DEFAULT_MODEL;
    static final AnswerParser PARSER = AnswerParser.strict();

    /** Every answer of the sample, asked from 16 threads at once, by scenario id. */
    static Map<String, String> answers(SimulatorSettings settings, List<Scenario> scenarios) throws Exception {
        try (Simulator sim = Simulator.start(settings)) {
            Http http = new Http(sim);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                Map<String, Future<String>> futures = new HashMap<>();
                for (Scenario scenario : scenarios) {
                    futures.put(scenario.id(), pool.submit(() -> http.answer(MODEL, scenario)));
                }
                Map<String, String> answers = new HashMap<>();
                for (Map.Entry<String, Future<String>> f : futures.entrySet()) {
                    answers.put(f.getKey(), f.getValue().get());
                }
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static OptionalInt predicted(Scenario scenario, String answer) {
        ParsedAnswer parsed = PARSER.parse(answer);
        return parsed.predictedLabel(scenario.category());
    }

    static double accuracy(List<Scenario> scenarios, Map<String, String> answers) {
        long correct = scenarios.stream()
                .filter(s -> predicted(s, answers.get(s.id())).equals(OptionalInt.of(s.expectedLabel())))
                .count();
        return (double) correct / scenarios.size();
    }

    static SimulatorSettings.Builder sampleSettings() {
        return SimulatorSettings.of(TestData.sample().scenarios()).toBuilder().parallel(16);
    }

    @Test
    void accuracyOfPointEightScoresAboutPointEightOnTheFullSample() throws Exception {
        List<Scenario> sample = TestData.sample().scenarios();
        Map<String, String> answers = answers(sampleSettings().accuracy(0.8).build(), sample);

        assertThat(accuracy(sample, answers)).isCloseTo(0.8, within(0.06));
        assertThat(sample).allSatisfy(s -> assertThat(predicted(s, answers.get(s.id()))).isPresent());
    }

    @Test
    void perCategoryAccuracyOverridesTheOverallOne() throws Exception {
        List<Scenario> sample = TestData.sample().scenarios();
        Map<String, String> answers = answers(sampleSettings().accuracy(0.9).accuracy(Category.VIRTUE, 0.2)
                .accuracy(Category.JUSTICE, 1.0).build(), sample);

        List<Scenario> virtue = sample.stream().filter(s -> s.category() == Category.VIRTUE).toList();
        List<Scenario> justice = sample.stream().filter(s -> s.category() == Category.JUSTICE).toList();
        List<Scenario> commonsense = sample.stream().filter(s -> s.category() == Category.COMMONSENSE).toList();
        assertThat(accuracy(virtue, answers)).isCloseTo(0.2, within(0.15));
        assertThat(accuracy(justice, answers)).isEqualTo(1.0);
        assertThat(accuracy(commonsense, answers)).isCloseTo(0.9, within(0.1));
    }

    @Test
    void accuracyZeroAndOneAreExact() throws Exception {
        List<Scenario> some = TestData.sample().scenarios().subList(0, 60);
        assertThat(accuracy(some, answers(sampleSettings().accuracy(1).build(), some))).isEqualTo(1.0);
        assertThat(accuracy(some, answers(sampleSettings().accuracy(0).build(), some))).isEqualTo(0.0);
    }

    @Test
    void offFormatShareComesBackAsUnknowns() throws Exception {
        List<Scenario> sample = TestData.sample().scenarios();
        Map<String, String> answers = answers(sampleSettings().accuracy(1).offFormatRate(0.25).build(), sample);

        long unknown = sample.stream().filter(s -> predicted(s, answers.get(s.id())).isEmpty()).count();
        assertThat(unknown / 300.0).isCloseTo(0.25, within(0.06));
        assertThat(accuracy(sample, answers)).isCloseTo(1 - unknown / 300.0, within(1e-9));
    }

    @Test
    void sameSeedGivesTheSameAnswersInAnyOrder() throws Exception {
        List<Scenario> sample = new ArrayList<>(TestData.sample().scenarios().subList(0, 100));
        SimulatorSettings settings = sampleSettings().seed(7).offFormatRate(0.1).build();
        Map<String, String> first = answers(settings, sample);
        Collections.shuffle(sample, new Random(1));
        Map<String, String> again = answers(settings, sample);
        Map<String, String> inOneThread = new HashMap<>();
        try (Simulator sim = Simulator.start(settings.toBuilder().parallel(1).build())) {
            Http http = new Http(sim);
            for (Scenario scenario : sample.subList(0, 20)) {
                inOneThread.put(scenario.id(), http.answer(MODEL, scenario));
            }
        }
        assertThat(again).isEqualTo(first);
        assertThat(first).containsAllEntriesOf(inOneThread);
    }

    @Test
    void aScenarioGetsTheSameAnswerWhateverElseIsGroundTruth() throws Exception {
        List<Scenario> some = TestData.sample().scenarios().subList(0, 30);
        Map<String, String> fromSample = answers(sampleSettings().build(), some);
        Map<String, String> fromSubset = answers(SimulatorSettings.of(some), some);
        assertThat(fromSubset).isEqualTo(fromSample);
    }

    @Test
    void anotherSeedGivesOtherAnswers() throws Exception {
        List<Scenario> some = TestData.sample().scenarios().subList(0, 100);
        Map<String, String> one = answers(sampleSettings().seed(1).build(), some);
        Map<String, String> two = answers(sampleSettings().seed(2).build(), some);
        long differentVerdicts = some.stream()
                .filter(s -> !predicted(s, one.get(s.id())).equals(predicted(s, two.get(s.id()))))
                .count();
        assertThat(differentVerdicts).isGreaterThan(10);
    }

    @Test
    void theLogRecordsTheMatchedScenarioAndWhatTheParserWillSee() throws Exception {
        List<Scenario> sample = TestData.sample().scenarios().subList(0, 80);
        try (Simulator sim = Simulator.start(sampleSettings().offFormatRate(0.2).build())) {
            Http http = new Http(sim);
            for (Scenario scenario : sample) {
                String answer = http.answer(MODEL, scenario);
                RequestRecord record = sim.log().generations().get(sim.log().generations().size() - 1);
                assertThat(record.scenarioId()).isEqualTo(scenario.id());
                OptionalInt label = predicted(scenario, answer);
                AnswerKind expected = label.isEmpty() ? AnswerKind.OFF_FORMAT
                        : label.getAsInt() == scenario.expectedLabel() ? AnswerKind.CORRECT : AnswerKind.WRONG;
                assertThat(record.answer()).as(answer).isEqualTo(expected);
            }
        }
    }

    @Test
    void anUnmatchedPromptIsAnsweredOffFormat() throws Exception {
        try (Simulator sim = Simulator.start(sampleSettings().accuracy(1).build())) {
            Http http = new Http(sim);
            for (String prompt : List.of("Is it wrong to lie?", "=== SCENARIO ===\nnot in the data\n=== END SCENARIO ===")) {
                String body = Http.JSON.createObjectNode().put("model", MODEL).put("prompt", prompt)
                        .put("stream", false).toString();
                String answer = Http.parse(http.post("api/generate", body).body()).get("response").asText();
                assertThat(PARSER.parse(answer).verdict().isKnown()).as(answer).isFalse();
            }
            assertThat(sim.log().generations()).allSatisfy(r -> {
                assertThat(r.answer()).isEqualTo(AnswerKind.UNMATCHED);
                assertThat(r.scenario()).isEmpty();
            });
        }
    }

    @Test
    void aPromptWithoutMarkersIsMatchedByItsInput() throws Exception {
        Scenario scenario = TestData.sample().scenarios().get(3);
        try (Simulator sim = Simulator.start(sampleSettings().accuracy(1).build())) {
            Http http = new Http(sim);
            String prompt = "Answer Ethical or Unethical (or the right word).\n" + scenario.input() + "\nThanks.";
            String body = Http.JSON.createObjectNode().put("model", MODEL).put("prompt", prompt).put("stream", false)
                    .toString();
            String answer = Http.parse(http.post("api/generate", body).body()).get("response").asText();
            assertThat(predicted(scenario, answer)).hasValue(scenario.expectedLabel());
            assertThat(sim.log().generations().get(0).scenarioId()).isEqualTo(scenario.id());
        }
    }

    @Test
    void jsonFormatAnswersParseToTheSameVerdicts() throws Exception {
        List<Scenario> some = TestData.sample().scenarios().subList(0, 40);
        try (Simulator sim = Simulator.start(sampleSettings().offFormatRate(0.2).build())) {
            Http http = new Http(sim);
            for (Scenario scenario : some) {
                String plain = http.answer(MODEL, scenario);
                String json = Http.parse(http.post("api/generate", Http.generate(MODEL, scenario).put("format", "json"))
                        .body()).get("response").asText();
                assertThat(Http.parse(json).isObject()).isTrue();
                assertThat(predicted(scenario, json)).isEqualTo(predicted(scenario, plain));
            }
        }
    }
}
