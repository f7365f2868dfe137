package io.github.rngops.he300.provision.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rngops.he300.provision.config.Fixtures;
import io.github.rngops.he300.provision.config.InstallConfig;
import io.github.rngops.he300.provision.config.Secret;
import io.github.rngops.he300.provision.config.StackSecret;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRotationTest {

    @Test
    void rotatingAllGivesEachSecretANewValueInItsOwnForm() {
        InstallConfig configured = Fixtures.parse("");
        Map<StackSecret, Secret> onHost = new EnumMap<>(StackSecret.class);
        for (StackSecret secret : StackSecret.values()) {
            onHost.put(secret, secret.of(configured.security()));
        }

        InstallConfig rotated = SecretRotation.parse("all").rotated(configured,
                new HostSecrets("/opt/he300/.env", onHost), Fixtures.seeded(7));

        for (StackSecret secret : StackSecret.values()) {
            assertThat(secret.of(rotated.security())).as(secret.key()).isNotEqualTo(onHost.get(secret));
        }
        // CIRISNode takes only a Fernet key: 32 bytes in URL-safe base64 with its padding, 44 characters
        String cipher = StackSecret.CIPHER_SECRET_KEY.of(rotated.security()).reveal();
        assertThat(cipher).hasSize(44).endsWith("=");
        assertThat(Base64.getUrlDecoder().decode(cipher)).hasSize(32);
        assertThat(StackSecret.API_KEY.of(rotated.security()).reveal()).hasSize(43);
    }
}
