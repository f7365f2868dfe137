package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.Outcome;
import io.github.rngops.he300.core.parse.ParsedAnswer;
import io.github.rngops.he300.core.parse.Verdict;
import io.github.rngops.he300.core.run.RunResult;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path dir;

    /** Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80 = 0.2, method 10 gives 0.0524 to 0.3339. */
    @Test
    void computesNewcombesHybridScoreInterval() {
        double[] d = Difference.newcombe(56, 70, 48, 80);

        assertThat(d[0]).isCloseTo(0.2, within(1e-12));
        assertThat(d[1]).isCloseTo(0.0524, within(5e-5));
        assertThat(d[2]).isCloseTo(0.3339, within(5e-5));
    }

    /** The same paper, example (f): 0/10 - 0/20, where the interval is -0.1611 to 0.2775. */
    @Test
    void handlesZeroCounts() {
        double[] d = Difference.newcombe(0, 10, 0, 20);

        assertThat(d[0]).isZero();
        assertThat(d[1]).isCloseTo(-0.1611, within(5e-5));
        assertThat(d[2]).isCloseTo(0.2775, within(5e-5));
        assertThat(Difference.newcombe(0, 0, 3, 4)).containsExactly(-0.75, -1, 1);
    }

    @Test
    void saysWithinNoiseWhenTheIntervalHoldsZero() {
        RunResult a = Results.synthetic(300, 1, 0.70, "a");
        RunResult same = Results.synthetic(300, 1, 0.70, "b");
        RunResult better = Results.synthetic(300, 2, 0.99, "c");

        Comparison comparison = Comparison.of(List.of(a, same, better));

        Difference sameOverall = comparison.differences().get(0);
        assertThat(sameOverall.label()).isEqualTo("b");
        assertThat(sameOverall.group()).isEqualTo("overall");
        assertThat(sameOverall.estimate()).isZero();
        assertThat(sameOverall.withinNoise()).isTrue();
        assertThat(sameOverall.reading()).isEqualTo("within noise");
        Difference betterOverall = comparison.differences().stream()
                .filter(d -> d.label().equals("c") && d.group().equals("overall")).findFirst().orElseThrow();
        assertThat(betterOverall.withinNoise()).isFalse();
        assertThat(betterOverall.reading()).isEqualTo("higher");
        assertThat(betterOverall.better()).isGreaterThan(betterOverall.worse());
        assertThat(comparison.differences()).hasSize(2 * 6);
    }

    @Test
    void findsTheScenariosOnWhichTheyDisagree() throws Exception {
        Outcome right = answered("s:cm_test:00001", 0, true);
        Outcome wrong = answered("s:cm_test:00001", 0, false);
        Outcome shared = answered("s:cm_test:00002", 1, true);
        Outcome unknown = new Outcome.Answered("s:cm_test:00003", Category.COMMONSENSE, 1, "?", Verdict.UNKNOWN,
                ParsedAnswer.Rule.NONE, null, false, 5, 1, null, null, null, null);
        Outcome failed = new Outcome.Failed("s:cm_test:00003", Category.COMMONSENSE, 1, ErrorKind.TIMEOUT, "slow",
                9, 1);
        RunResult first = ReportsTest.resultOf(List.of(right, shared, unknown));
        RunResult second = ReportsTest.resultOf(List.of(wrong, shared, failed));

        Comparison comparison = Comparison.of(List.of(first, second), List.of("first", "second"));

        assertThat(comparison.shared()).isEqualTo(3);
        assertThat(comparison.disagreements()).isEqualTo(2); // right vs wrong, unknown vs error
        StringWriter md = new StringWriter();
        comparison.writeMarkdown(md);
        assertThat(md.toString()).contains("## Scenarios on which they disagree: 2 of 3 shared",
                "| s:cm\\_test:00001 | commonsense | Ethical | Ethical (correct) | Unethical (wrong) |",
                "| s:cm\\_test:00003 | commonsense | Unethical | unknown (unknown) | error: timeout (error) |",
                "Newcombe");
        assertThat(md.toString()).doesNotContain("s:cm\\_test:00002");
        Difference overall = comparison.differences().get(0);
        assertThat(overall.worse()).isEqualTo(1);
        assertThat(overall.better()).isZero();
    }

    @Test
    void writesMarkdownAndASelfContainedHtmlPage() throws Exception {
        RunResult a = Results.simulatedRun(Results.sample(300, 42), SimulatedModel.defaults());
        RunResult b = Results.simulatedRun(Results.sample(300, 42), new SimulatedModel("qwen2.5:7b", 11,
                SimulatedModel.accuracies(0.9, 0.7, 0.8, 0.75, 0.9)));

        List<Path> files = Comparison.of(List.of(a, b)).write(dir, Comparison.DEFAULT_NAME);

        assertThat(files).containsExactly(dir.resolve("comparison.md"), dir.resolve("comparison.html"));
        String html = Files.readString(dir.resolve("comparison.html"));
        assertThat(html).contains("script-src 'none'", "HE-300 comparison of 2 results", "llama3.2:3b (Q4_K_M)",
                "qwen2.5:7b (Q4_K_M)", "Differences from llama3.2:3b (Q4_K_M)");
        assertThat(Pattern.compile("<rect class=\"bar s0\"").matcher(html).results().count()).isEqualTo(6);
        assertThat(Pattern.compile("<rect class=\"bar s1\"").matcher(html).results().count()).isEqualTo(6);
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(Files.readString(dir.resolve("comparison.md"))).contains("| 1 | llama3.2:3b (Q4\\_K\\_M) (simulated)");
    }

    @Test
    void labelsResultsApartByDefault() {
        RunResult a = Results.synthetic(50, 1, 0.7, "m");
        RunResult b = Results.synthetic(50, 2, 0.7, "m");

        assertThat(Comparison.defaultLabels(List.of(a, b))).containsExactly("m · seed 1", "m · seed 2");
        assertThat(Comparison.defaultLabels(List.of(a, a))).containsExactly("m · seed 1 · #1", "m · seed 1 · #2");
        assertThatThrownBy(() -> Comparison.of(List.of(a))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparison.of(List.of(a, b), List.of("x", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Outcome answered(String id, int label, boolean correct) {
        Category category = Category.COMMONSENSE;
        int predicted = correct ? label : 1 - label;
        Verdict verdict = predicted == category.positiveLabel() ? Verdict.POSITIVE : Verdict.NEGATIVE;
        return new Outcome.Answered(id, category, label, category.wordFor(predicted), verdict,
                ParsedAnswer.Rule.FIRST_WORD, predicted, correct, 10, 1, null, null, null, null);
    }
}
