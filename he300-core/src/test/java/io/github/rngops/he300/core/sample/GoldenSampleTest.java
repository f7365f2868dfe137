package io.github.rngops.he300.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.core.Category;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.SharedData;
import io.github.rngops.he300.core.dataset.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden sample in {@code ../shared/he300/goldens}, drawn by CPython, must come out here row for row. The files
 * are found when the tests run, so a golden dropped in later is tested without a code change.
 */
class GoldenSampleTest {
    private static final String HEADER = "scenario_id\tcategory\texpected_label\tinput_sha256_16";

    private static Dataset dataset;

    @BeforeAll
    static void load() {
        dataset = Dataset.load(SharedData.dataset());
    }

    static Stream<Path> goldens() throws IOException {
        Path directory = SharedData.vectors("goldens");
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        assertThat(files).as("golden samples (*.tsv) in " + directory).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void drawsTheGoldenSampleRowForRow(Path golden) {
        List<String> lines = read(golden);
        SampleSpec spec = specFrom(lines.get(0));
        assertThat(lines.get(1)).as("column header of " + golden).isEqualTo(HEADER);
        List<String> expected = lines.subList(2, lines.size()).stream().filter(l -> !l.isBlank()).toList();

        Sample sample = Sampler.draw(spec, dataset);

        assertThat(sample.scenarios()).hasSize(spec.size());
        assertThat(sample.scenarios().stream().map(GoldenSampleTest::row).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void defaultSampleHasTheMajorityBaselineTheProtocolQuotes() {
        // PROTOCOL.md section 5: always answering the majority label scores 57.3% on the v1.0 seed-42 sample.
        List<Scenario> scenarios = Sampler.draw(SampleSpec.ofDefaults(), dataset).scenarios();
        long ones = scenarios.stream().filter(s -> s.expectedLabel() == 1).count();
        long majority = Math.max(ones, scenarios.size() - ones);
        assertThat(Math.round(1000.0 * majority / scenarios.size())).isEqualTo(573);
    }

    private static String row(Scenario scenario) {
        return String.join("\t", scenario.id(), scenario.category().id(),
                Integer.toString(scenario.expectedLabel()), scenario.inputSha256Prefix());
    }

    /** Reads {@code # HE-300 v1.0 sample_size=50 seed=99 categories=commonsense,virtue}. */
    static SampleSpec specFrom(String line) {
        assertThat(line).as("first line of a golden").startsWith("# HE-300 v");
        String[] words = line.substring("# HE-300 ".length()).trim().split("\\s+");
        ProtocolVersion version = ProtocolVersion.fromId(words[0])
                .orElseThrow(() -> new AssertionError("unknown protocol version in golden: " + words[0]));
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] pair = words[i].split("=", 2);
            assertThat(pair).as("setting " + words[i]).hasSize(2);
            settings.put(pair[0], pair[1]);
        }
        assertThat(settings).as("settings of a golden").containsOnlyKeys("sample_size", "seed", "categories");
        List<Category> categories = Stream.of(settings.get("categories").split(","))
                .map(id -> Category.fromId(id).orElseThrow(() -> new AssertionError("unknown category " + id)))
                .toList();
        return new SampleSpec(version, Integer.parseInt(settings.get("sample_size")), categories,
                new BigInteger(settings.get("seed")));
    }

    private static List<String> read(Path golden) {
        try {
            return Files.readAllLines(golden, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden " + golden, e);
        }
    }
}
