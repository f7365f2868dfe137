package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.score.Summary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunJson} writes manifests and results byte for byte as {@link JsonCodec}'s mapper writes the same records,
 * for a run's own files and for every optional member present or absent.
 */
class RunJsonTest {

    /** A result as the mapper wrote its text. */
    static String mapped(Object value) throws Exception {
        return JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** A manifest as the mapper wrote its bytes: the byte writer escapes characters beyond 16 bits. */
    static String mappedBytes(Object value) throws Exception {
        return new String(JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value),
                StandardCharsets.UTF_8);
    }

    static RunResult run(Path runDir) {
        return RunEngine.builder().target(FakeTarget.answering(1, 0)).batchTimeout(Duration.ofSeconds(10))
                .concurrency(3).build().start(Fixtures.plan(40), runDir).await();
    }

    @Test
    void aRunsFilesAreWhatTheMapperWritesFromTheirRecords(@TempDir Path runDir) throws Exception {
        run(runDir);
        String manifest = Files.readString(runDir.resolve(RunManifest.FILE), StandardCharsets.UTF_8);
        assertThat(manifest).isEqualTo(mappedBytes(RunManifest.read(runDir)));
        String result = Files.readString(runDir.resolve("result.json"), StandardCharsets.UTF_8);
        assertThat(result).isEqualTo(mapped(RunResultJson.read(runDir.resolve("result.json"))) + "\n");
        assertThat(result).contains("\"outcomes\" : [ {", "\"scored_interval\" : {", "\"dataset_files\" : [ {");
    }

    @Test
    void everyOptionalMemberIsWrittenOrLeftOutAsTheMapperDoes(@TempDir Path runDir) throws Exception {
        RunResult base = run(runDir);
        RunManifest manifest = RunManifest.read(runDir);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("temperature", 0.7);
        options.put("seed", 42);
        options.put("num_ctx", 8192L);
        options.put("stop", List.of("\n", "</s>"));
        options.put("mirostat", Map.of("tau", 5.0f));
        options.put("gone", null);
        options.put("exact", new BigDecimal("0.10"));
        options.put("huge", new BigInteger("123456789012345678901234567890"));
        options.put("flag", true);
        options.put("text", "caf\u00e9 \"quoted\" \ud83d\ude00");
        RunSettings settings = base.settings();
        List<RunSettings> allSettings = List.of(settings, new RunSettings(settings.model(), options,
                settings.promptSet(), settings.parseMode(), 2, 5, 1000, 60_000L, 0, null));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("api", "generate");
        Environment environment = base.environment();
        List<Environment> environments = List.of(environment, new Environment("ollama", "http://h:11434/", "0.12.3",
                "sha256:abc", "Q4_K_M", false, details, "gpu-1", "17.0.15"),
                new Environment("openai", "http://h/", null, null, null, true, Map.of(), null, null));
        Summary s = base.summary();
        List<Summary> summaries = List.of(s, new Summary(s.total(), s.correct(), s.unknown(), s.errors(), s.scored(),
                s.accuracy(), s.interval(), s.scoredAccuracy(), s.scoredInterval(), s.categories(), s.latency(), 12.5,
                s.majorityBaseline(), s.chanceBaseline()));
        List<Object> written = new ArrayList<>();
        for (RunSettings each : allSettings) {
            for (Environment where : environments) {
                RunManifest variant = new RunManifest(manifest.schema(), manifest.started(), manifest.spec(),
                        manifest.scenarios(), each, where);
                assertThat(new String(RunJson.manifest(variant), StandardCharsets.UTF_8))
                        .isEqualTo(mappedBytes(variant));
                for (Summary summary : summaries) {
                    RunResult result = new RunResult(base.schema(), base.spec(), each, where, summary, base.timing(),
                            false, Ending.STOPPED, base.outcomes().subList(0, 7));
                    assertThat(RunResultJson.toJson(result)).isEqualTo(mapped(result));
                    written.add(result);
                }
            }
        }
        assertThat(written).hasSize(12);
    }

    /** Map.copyOf's order changes from one JVM to the next; a run's files must not. */
    @Test
    void detailsAreWrittenInKeyOrder() throws Exception {
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : List.of("quantization_level", "api", "parameter_size", "family", "model", "format")) {
            details.put(key, key.toUpperCase(java.util.Locale.ROOT));
        }
        TargetInfo target = TargetInfo.of("ollama", "http://h:11434/").withDetails(details);
        List<String> sorted = details.keySet().stream().sorted().toList();
        assertThat(target.details().keySet()).containsExactlyElementsOf(sorted);
        Environment environment = Environment.of(target);
        assertThat(environment.details().keySet()).containsExactlyElementsOf(sorted);
        String manifest = new String(RunJson.manifest(manifestWith(environment)), StandardCharsets.UTF_8);
        assertThat(manifest).containsSubsequence(sorted.stream().map(k -> "\"" + k + "\" : ").toList());
    }

    @Test
    void aSettingWithNoJsonFormIsRefusedByName() {
        RunSettings settings = new RunSettings("m", Map.of("when", Duration.ofSeconds(1)), "ciris-v1", "strict", 1, 1,
                1000, null, 0, null);
        RunManifest manifest = manifestWith(settings);
        assertThatThrownBy(() -> RunJson.manifest(manifest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Duration");
    }

    private static RunManifest manifestWith(RunSettings settings) {
        return manifestWith(settings, new Environment("openai", "http://h/", null, null, null, true, Map.of(), null,
                null));
    }

    private static RunManifest manifestWith(Environment environment) {
        return manifestWith(new RunSettings("m", Map.of(), "ciris-v1", "strict", 1, 1, 1000, null, 0, null),
                environment);
    }

    private static RunManifest manifestWith(RunSettings settings, Environment environment) {
        RunPlan plan = Fixtures.plan(5);
        return new RunManifest(RunManifest.SCHEMA, java.time.Instant.EPOCH, RunSpec.of(plan.sample()),
                plan.sample().scenarios(), settings, environment);
    }
}
