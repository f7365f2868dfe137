package io.github.rngops.he300.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

    @Test
    void dropsUserInfoAndSecretQueryParameters() {
        assertThat(RedactedUrl.of("https://bob:hunter2@node.example:8443/api/v1?api_key=k&token=t&limit=5&sig=s"))
                .isEqualTo("https://node.example:8443/api/v1?limit=5");
        assertThat(RedactedUrl.of("http://localhost:11434")).isEqualTo("http://localhost:11434");
        assertThat(RedactedUrl.of("http://[::1]:8080/x?password=p")).isEqualTo("http://[::1]:8080/x");
    }

    @Test
    void keepsWhatIsNotAUrlWithoutItsCredentials() {
        assertThat(RedactedUrl.of("in-process")).isEqualTo("in-process");
        assertThat(RedactedUrl.of("http://u:p@host/a b?key=1")).isEqualTo("http://host/a b");
    }
}
