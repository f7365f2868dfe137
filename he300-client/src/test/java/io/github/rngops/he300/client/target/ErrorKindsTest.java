package io.github.rngops.he300.client.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.core.ErrorKind;
import org.junit.jupiter.api.Test;

class ErrorKindsTest {

    @Test
    void mapsStatusesByWhatTheyMean() {
        assertThat(ErrorKinds.ofStatus(404, "model 'x' not found")).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(ErrorKinds.ofStatus(404, "Not Found")).isEqualTo(ErrorKind.HTTP_4XX);
        assertThat(ErrorKinds.ofStatus(401, "")).isEqualTo(ErrorKind.AUTH);
        assertThat(ErrorKinds.ofStatus(403, "")).isEqualTo(ErrorKind.AUTH);
        assertThat(ErrorKinds.ofStatus(429, "")).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(ErrorKinds.ofStatus(422, "")).isEqualTo(ErrorKind.HTTP_4XX);
        assertThat(ErrorKinds.ofStatus(503, "")).isEqualTo(ErrorKind.HTTP_5XX);
    }

    @Test
    void mapsTransportFailures() {
        assertThat(ErrorKinds.of(ClientException.of(ClientException.Kind.CONNECT, "GET", "/", "refused")))
                .isEqualTo(ErrorKind.CONNECTION);
        assertThat(ErrorKinds.of(ClientException.of(ClientException.Kind.TIMEOUT, "GET", "/", "slow")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ErrorKinds.of(ClientException.of(ClientException.Kind.STALLED, "GET", "/", "silent")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ErrorKinds.of(ClientException.of(ClientException.Kind.PROTOCOL, "GET", "/", "bad json")))
                .isEqualTo(ErrorKind.INVALID_RESPONSE);
        assertThat(ErrorKinds.of(ClientException.of(ClientException.Kind.AUTH, "GET", "/", "no")))
                .isEqualTo(ErrorKind.AUTH);
    }

    @Test
    void dropsOnlyAProviderPrefixThatNamesTheTarget() {
        assertThat(TargetKind.OLLAMA.modelName("ollama/llama3.2")).isEqualTo("llama3.2");
        assertThat(TargetKind.OLLAMA.modelName("llama3.2")).isEqualTo("llama3.2");
        assertThat(TargetKind.OPENAI.modelName("Qwen/Qwen2.5-7B-Instruct")).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        assertThat(TargetKind.OPENAI.modelName("openai/gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(TargetKind.SIMULATE.modelName("ollama/llama3.2")).isEqualTo("llama3.2");
        assertThat(TargetKind.fromId("mock")).contains(TargetKind.SIMULATE);
    }

    @Test
    void credentialsNeverShowTheirValues() {
        Credentials c = new Credentials("tok-secret", "key-secret", "alice", "pw-secret");
        assertThat(c.toString()).contains("token", "api key", "alice").doesNotContain("secret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Credentials(null, null, "alice", null))
                .hasMessageContaining("HE300_PASSWORD");
    }
}
