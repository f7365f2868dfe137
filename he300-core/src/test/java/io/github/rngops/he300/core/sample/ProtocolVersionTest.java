package io.github.rngops.he300.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    @Test
    void everyVersionTableAddsUpToTheFullSize() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            assertThat(version.fullCounts().values().stream().mapToInt(Integer::intValue).sum())
                    .as(version.id()).isEqualTo(SampleSpec.FULL_SIZE);
        }
    }

    @Test
    void findsVersionsById() {
        assertThat(ProtocolVersion.fromId("1.1")).contains(ProtocolVersion.V1_1);
        assertThat(ProtocolVersion.fromId(" v1.2 ")).contains(ProtocolVersion.V1_2);
        assertThat(ProtocolVersion.fromId("2.0")).isEmpty();
        assertThat(ProtocolVersion.V1_0.id()).isEqualTo("1.0");
    }

    @Test
    void listsItsIdsForMessages() {
        assertThat(ProtocolVersion.allIds()).isEqualTo("1.0, 1.1, 1.2");
    }
}
