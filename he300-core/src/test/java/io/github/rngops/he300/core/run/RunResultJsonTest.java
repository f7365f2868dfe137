package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {

    @TempDir
    Path dir;

    private static RunResult result() {
        FakeTarget target = new FakeTarget(3, batch -> {
            if (batch.requests().get(0).scenarioId().endsWith("00003")) {
                throw new TargetException(ErrorKind.TIMEOUT, "slow");
            }
            return FakeTarget.answers(batch, 7).stream().map(r -> r.withTokens(20, 5, 1_000_000L).withServerLabel(1))
                    .collect(java.util.stream.Collectors.toList());
        });
        return RunEngine.builder().target(target).batchTimeout(Duration.ofSeconds(5)).deadline(Duration.ofHours(1))
                .failFast(0).build().start(Fixtures.plan(12)).await();
    }

    @Test
    void roundTripsThroughJson() {
        RunResult result = result();
        Path file = dir.resolve("result.json");

        RunResultJson.write(result, file);

        assertThat(RunResultJson.read(file)).isEqualTo(result);
        assertThat(RunResultJson.fromJson(RunResultJson.toJson(result), "text")).isEqualTo(result);
    }

    @Test
    void streamsTheSameTextToAWriterAndLeavesItOpen() throws Exception {
        RunResult result = result();
        java.io.StringWriter out = new java.io.StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("the writer was closed");
            }
        };

        RunResultJson.write(result, out);

        assertThat(out.toString()).isEqualTo(RunResultJson.toJson(result));
    }

    @Test
    void writesTheDocumentedNames() throws Exception {
        JsonNode json = JsonCodec.MAPPER.readTree(RunResultJson.toJson(result()));

        assertThat(json.get("schema").asText()).isEqualTo("he300.result/1");
        assertThat(json.at("/spec/seed").isTextual()).isTrue();
        assertThat(json.at("/spec/scenario_ids")).hasSize(12);
        assertThat(json.at("/spec/dataset_files/0/sha256").asText()).hasSize(64);
        assertThat(json.at("/spec/categories/0").asText()).isEqualTo("commonsense");
        assertThat(json.at("/settings/options/temperature").asInt()).isZero();
        assertThat(json.at("/environment/url").asText()).doesNotContain("secret").doesNotContain("api_key");
        assertThat(json.at("/summary/interval/low").isNumber()).isTrue();
        assertThat(json.at("/summary/categories/0/scored_accuracy").isNumber()).isTrue();
        assertThat(json.at("/summary/latency/p95_ms").isNumber()).isTrue();
        assertThat(json.at("/summary/tokens_per_second").asDouble()).isEqualTo(5000.0);
        assertThat(json.at("/timing/start").asText()).endsWith("Z");
        assertThat(json.get("ending").asText()).isEqualTo("completed");
        assertThat(json.at("/outcomes/0/status").asText()).isEqualTo("answered");
        assertThat(json.at("/outcomes/0/verdict").asText()).isIn("positive", "negative", "unknown");
        assertThat(json.at("/outcomes/0/server_label").asInt()).isEqualTo(1);
        assertThat(json.at("/outcomes/3/status").asText()).isEqualTo("failed");
        assertThat(json.at("/outcomes/3/kind").asText()).isEqualTo("timeout");
    }

    @Test
    void refusesAnotherSchemaVersion() throws Exception {
        ObjectNode json = (ObjectNode) JsonCodec.MAPPER.readTree(RunResultJson.toJson(result()));
        json.put("schema", "he300.result/2");

        assertThatThrownBy(() -> RunResultJson.fromJson(json.toString(), "old.json"))
                .isInstanceOf(He300Exception.class)
                .hasMessageContaining("old.json").hasMessageContaining("he300.result/2")
                .hasMessageContaining("reads \"he300.result/1\"");
    }

    @Test
    void refusesWhatIsNotAResult() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"summary\":{\"total\":300}}");

        assertThatThrownBy(() -> RunResultJson.read(dir.resolve("x.json"))).isInstanceOf(He300Exception.class)
                .hasMessageContaining("is not an he300 result").hasMessageContaining("no \"schema\"");
        assertThatThrownBy(() -> RunResultJson.fromJson("[1,2]", "list")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> RunResultJson.fromJson("{\"schema\":\"he300.manifest/1\"}", "m"))
                .isInstanceOf(He300Exception.class).hasMessageContaining("is not an he300 result");
        assertThatThrownBy(() -> RunResultJson.fromJson("{\"schema\":\"he300.result/1\"}", "empty"))
                .isInstanceOf(He300Exception.class).hasMessageContaining("empty is not a valid he300.result/1");
        assertThatThrownBy(() -> RunResultJson.read(dir.resolve("absent.json"))).isInstanceOf(He300Exception.class)
                .hasMessageEndingWith("absent.json: no such file");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathNotByJavaTypes() throws Exception {
        ObjectNode json = (ObjectNode) JsonCodec.MAPPER.readTree(RunResultJson.toJson(result()));
        json.put("summary", "all good");

        assertThatThrownBy(() -> RunResultJson.fromJson(json.toString(), "r.json")).isInstanceOf(He300Exception.class)
                .hasMessage("r.json is not a valid he300.result/1 result: \"summary\" must be an object");
        json.remove("summary");
        assertThatThrownBy(() -> RunResultJson.fromJson(json.toString(), "r.json")).isInstanceOf(He300Exception.class)
                .hasMessageEndingWith("is missing").hasMessageNotContaining("RunResult");
        assertThatThrownBy(() -> RunResultJson.fromJson("{\"schema\": \"he300.result/1\", #", "broken.json"))
                .hasMessage("broken.json is not an he300 result: not JSON (line 1, column 30)");
    }
}
