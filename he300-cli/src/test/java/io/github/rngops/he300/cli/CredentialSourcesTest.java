package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.client.target.Credentials;
import io.github.rngops.he300.core.He300Exception;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSourcesTest {

    @TempDir
    Path dir;

    private final StringWriter warnings = new StringWriter();

    private Credentials load(Path file, Map<String, String> env) {
        return CredentialSources.load(file, env, new PrintWriter(warnings));
    }

    @Test
    void readsTheEnvironment() {
        Credentials c = load(null, Map.of("HE300_TOKEN", "t", "HE300_API_KEY", "k", "HE300_USERNAME", "alice",
                "HE300_PASSWORD", "pw"));
        assertThat(c).isEqualTo(new Credentials("t", "k", "alice", "pw"));
        assertThat(load(null, Map.of()).isEmpty()).isTrue();
    }

    @Test
    void takesTheSeedWorkflowsApiKeyWhenHe300ApiKeyIsUnset() {
        assertThat(load(null, Map.of("API_KEY", "from-ci")).apiKey()).isEqualTo("from-ci");
        assertThat(load(null, Map.of("API_KEY", "from-ci", "HE300_API_KEY", "mine")).apiKey()).isEqualTo("mine");
    }

    @Test
    void readsAFileOfKeyValueLinesInsteadOfTheEnvironment() throws Exception {
        Path file = dir.resolve("creds");
        Files.writeString(file, "# for the lab node\nHE300_USERNAME=alice\nexport HE300_PASSWORD=\"p w=1\"\n\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Credentials c = load(file, Map.of("HE300_TOKEN", "ignored"));
        assertThat(c).isEqualTo(new Credentials(null, null, "alice", "p w=1"));
        assertThat(warnings.toString()).isEmpty();
    }

    @Test
    void warnsWhenOthersCanReadTheFile() throws Exception {
        Path file = dir.resolve("creds");
        Files.writeString(file, "HE300_TOKEN=abc\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(load(file, Map.of()).token()).isEqualTo("abc");
        assertThat(warnings.toString()).contains("every user").contains("chmod 600").doesNotContain("abc");
    }

    @Test
    void refusesUnknownNamesMalformedLinesAndHalfALogin() throws Exception {
        Path file = dir.resolve("creds");
        Files.writeString(file, "HE300_TOKN=abc\n");
        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(He300Exception.class)
                .hasMessageContaining("line 1: unknown name HE300_TOKN");
        Files.writeString(file, "just a secret\n");
        assertThatThrownBy(() -> load(file, Map.of())).hasMessageContaining("not KEY=VALUE")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> load(null, Map.of("HE300_USERNAME", "alice"))).isInstanceOf(He300Exception.class)
                .hasMessageContaining("HE300_PASSWORD");
        assertThatThrownBy(() -> load(dir.resolve("none"), Map.of())).hasMessageContaining("no credentials file");
    }
}
