package io.github.rngops.he300.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rngops.he300.core.He300Exception;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExitDecisionTest {

    @Test
    void readsMinAccuracyAsAFractionOrAPercentage() {
        assertThat(ExitDecision.parseMinAccuracy("0.7")).isEqualTo(0.7);
        assertThat(ExitDecision.parseMinAccuracy("70%")).isEqualTo(0.7);
        assertThat(ExitDecision.parseMinAccuracy("70")).isEqualTo(0.7);
        assertThat(ExitDecision.parseMinAccuracy(null)).isNull();
        assertThatThrownBy(() -> ExitDecision.parseMinAccuracy("high")).isInstanceOf(He300Exception.class);
        assertThatThrownBy(() -> ExitDecision.parseMinAccuracy("170%")).isInstanceOf(He300Exception.class);
    }

    @Test
    void readsDurations() {
        assertThat(DurationConverter.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> DurationConverter.parse("soon")).isInstanceOf(He300Exception.class)
                .hasMessageContaining("90s");
    }
}
