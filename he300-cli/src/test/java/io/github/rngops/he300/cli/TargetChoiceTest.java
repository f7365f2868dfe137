package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.target.TargetKind;
import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetChoiceTest {

    @Test
    void theSeedsModeCirisNodeUrlInTheEnvironmentMeansCirisNode() {
        TargetChoice choice = TargetChoice.resolve(null, false, null, "ollama/llama3.2",
                Map.of("CIRISNODE_URL", "http://localhost:8000", "OLLAMA_URL", "http://gpu:11434"));
        assertThat(choice.kind()).isEqualTo(TargetKind.CIRISNODE);
        assertThat(choice.url()).isEqualTo("http://localhost:8000");
        assertThat(choice.reason()).contains("CIRISNODE_URL");
        assertThat(choice.model()).isEqualTo("ollama/llama3.2");
    }

    @Test
    void targetFlagWinsOverTheEnvironmentAndUrlFlagOverTheVariable() {
        Map<String, String> env = Map.of("CIRISNODE_URL", "http://node:8000", "OLLAMA_URL", "http://gpu:11434");
        TargetChoice ollama = TargetChoice.resolve("ollama", false, null, null, env);
        assertThat(ollama.kind()).isEqualTo(TargetKind.OLLAMA);
        assertThat(ollama.url()).isEqualTo("http://gpu:11434");
        assertThat(TargetChoice.resolve("ollama", false, "http://other:11434", null, env).url())
                .isEqualTo("http://other:11434");
        assertThat(TargetChoice.resolve("ethicsengine", false, null, null, Map.of()).url())
                .isEqualTo("http://127.0.0.1:8080");
        assertThat(TargetChoice.resolve(null, false, null, null, Map.of("ETHICSENGINE_URL", "http://e:8080"))
                .kind()).isEqualTo(TargetKind.ETHICSENGINE);
    }

    @Test
    void simulateNeedsNoUrlAndRefusesContradictions() {
        assertThat(TargetChoice.resolve(null, true, null, null, Map.of("CIRISNODE_URL", "http://n")).kind())
                .isEqualTo(TargetKind.SIMULATE);
        assertThat(TargetChoice.resolve("mock", false, null, null, Map.of()).kind()).isEqualTo(TargetKind.SIMULATE);
        assertThatThrownBy(() -> TargetChoice.resolve("ollama", true, null, null, Map.of()))
                .isInstanceOf(He300Exception.class).hasMessageContaining("--simulate");
        assertThatThrownBy(() -> TargetChoice.resolve(null, true, "http://x", null, Map.of()))
                .isInstanceOf(He300Exception.class).hasMessageContaining("drop --url");
    }

    @Test
    void noTargetAtAllSaysHowToChooseOne() {
        assertThatThrownBy(() -> TargetChoice.resolve(null, false, null, null, Map.of()))
                .isInstanceOf(He300Exception.class).hasMessageContaining("--simulate").hasMessageContaining("CIRISNODE_URL");
        assertThatThrownBy(() -> TargetChoice.resolve("vllm", false, null, null, Map.of()))
                .isInstanceOf(He300Exception.class).hasMessageContaining("unknown target 'vllm'");
    }

    @Test
    void aMalformedUrlIsRefusedForEveryTargetNamingWhereItCameFrom() {
        for (String kind : List.of("ollama", "openai", "ethicsengine", "cirisnode")) {
            for (String bad : List.of("notaurl", "http://")) {
                assertThatThrownBy(() -> TargetChoice.resolve(kind, false, bad, null, Map.of()))
                        .isInstanceOf(He300Exception.class).hasMessageStartingWith("--url must be an http(s) URL")
                        .hasMessageContaining(bad);
            }
        }
        assertThatThrownBy(() -> TargetChoice.resolve(null, false, null, null, Map.of("OLLAMA_URL", "notaurl")))
                .isInstanceOf(He300Exception.class).hasMessageStartingWith("$OLLAMA_URL must be an http(s) URL");
    }

    @Test
    void timeoutsSuitTheKind() {
        TargetChoice node = TargetChoice.resolve("cirisnode", false, null, null, Map.of());
        assertThat(node.batchTimeout(node.requestTimeout(null), null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(node.batchTimeout(Duration.ofMinutes(1), Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        TargetChoice ollama = TargetChoice.resolve("ollama", false, null, null, Map.of());
        assertThat(ollama.requestTimeout(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(ollama.batchTimeout(Duration.ofSeconds(20), null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TargetChoice.resolve("ethicsengine", false, null, null, Map.of()).requestTimeout(null))
                .isEqualTo(Duration.ofMinutes(15));
    }
}
