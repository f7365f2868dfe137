package io.github.rngops.he300.provision.config;

import io.github.rngops.he300.core.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @Test
    void aSecretShowsOnlyItsMask() {
        Secret secret = Secret.of("hunter2hunter2hunter2", "install.yaml");

        assertThat(secret).hasToString("****");
        assertThat(secret.reveal()).isEqualTo("hunter2hunter2hunter2");
        assertThat(secret).isEqualTo(Secret.of("hunter2hunter2hunter2", "elsewhere"));
    }

    @Test
    void emptySecretsAreGeneratedUrlSafeFromTheInjectedRandom() {
        InstallConfig config = Fixtures.parse("security:\n  api_key: \"\"\n");
        Secret key = config.security().apiKey();

        assertThat(key.origin()).isEqualTo("generated");
        assertThat(key.reveal()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(config.security().jwtSecret()).isNotEqualTo(key);
        assertThat(Fixtures.parse("").security().apiKey()).isEqualTo(key);   // same seed, same secrets
    }

    @Test
    void cirisNodesCipherKeyIsAFernetKeyGeneratedOrChecked() {
        Secret generated = Fixtures.parse("").security().cipherSecretKey();
        assertThat(generated.generated()).isTrue();
        assertThat(generated.reveal()).hasSize(44).matches("[A-Za-z0-9_-]{43}=");

        String key = "q3QKn5Qh5XS8tXkWQ0Tg6GGr7A2b3yLb8wVx0fZ1c2M=";
        assertThat(Fixtures.reader(Map.of("HE300_CIPHER_SECRET_KEY", key)).parse("install.yaml", "", Path.of("/"))
                .security().cipherSecretKey().reveal()).isEqualTo(key);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Fixtures.parse(
                "security:\n  cipher_secret_key: not-a-fernet-key-0123456789\n"));
        assertThat(e.getMessage()).contains("install.yaml:2:22: security.cipher_secret_key: must be a Fernet key")
                .doesNotContain("not-a-fernet-key");
    }

    @Test
    void secretsComeFromTheEnvironment() {
        InstallConfig config = Fixtures.reader(Map.of("HE300_API_KEY", "env-key-0123456789abcdef",
                "HE300_JWT_SECRET", "env-jwt-0123456789abcdef")).parse("install.yaml", "", Path.of("/"));

        assertThat(config.security().apiKey().reveal()).isEqualTo("env-key-0123456789abcdef");
        assertThat(config.security().apiKey().origin()).isEqualTo("env HE300_API_KEY");
        assertThat(config.security().jwtSecret().origin()).isEqualTo("env HE300_JWT_SECRET");
        assertThat(config.security().postgresPassword().origin()).isEqualTo("generated");
    }

    @Test
    void secretsComeFromFilesRelativeToTheConfig(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("api_key"), "file-key-0123456789abcdef\n");
        Files.writeString(dir.resolve("install.yaml"), "security:\n  api_key_file: api_key\n");

        InstallConfig config = Fixtures.reader(Map.of("HE300_API_KEY", "env-key-0123456789abcdef"))
                .read(dir.resolve("install.yaml"));

        assertThat(config.security().apiKey().reveal()).isEqualTo("file-key-0123456789abcdef");
        assertThat(config.security().apiKey().origin()).isEqualTo("file " + dir.resolve("api_key"));
    }

    @Test
    void aMissingSecretFileIsAPlacedProblem() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.parse("security:\n  jwt_secret_file: ~/jwt\n"));

        assertThat(e.getMessage()).isEqualTo("install.yaml:2:20: security.jwt_secret_file: /home/test/jwt: no such"
                + " file");
    }

    @Test
    void valueAndFileTogetherAreRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Fixtures.parse(
                "security:\n  api_key: abcdefghijklmnopqrstuvwxyz\n  api_key_file: /k\n"));

        assertThat(e.getMessage()).isEqualTo("install.yaml:3:17: security.api_key_file: give security.api_key or"
                + " security.api_key_file, not both");
    }

    @Test
    void badSecretsAreRefusedWithoutShowingThem() {
        ConfigException shortKey = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.parse("security:\n  api_key: s3cret\n"));
        ConfigException quoted = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.parse("security:\n  jwt_secret: \"it's a long secret value\"\n"));
        ConfigException url = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.parse("security:\n  postgres_password: pass@word:0123456789\n"));

        assertThat(shortKey.getMessage()).isEqualTo("install.yaml:2:12: security.api_key: the value is 6 characters:"
                + " use at least 16, or leave it empty to generate one").doesNotContain("s3cret");
        assertThat(quoted.getMessage()).contains("has a space, quote").doesNotContain("long secret");
        assertThat(url.getMessage()).contains("must use only A-Z a-z 0-9 . _ ~ -").doesNotContain("pass@word");
    }

    @Test
    void tailscaleModeNeedsAnAuthKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Fixtures.parse("network:\n  mode: tailscale\n"));

        assertThat(e.getMessage()).isEqualTo("install.yaml:1:1: network.tailscale.auth_key: required in tailscale"
                + " mode: set auth_key_file (a file holding the key) or the environment variable HE300_TS_AUTHKEY");
    }
}
