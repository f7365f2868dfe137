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
        assertThat(ExitDecision.parseMinAccuracy("1")).isEqualTo(1.0);
        assertThat(ExitDecision.parseMinAccuracy("0 %")).isEqualTo(0.0);
        assertThat(ExitDecision.parseMinAccuracy(null)).isNull();
        assertThatThrownBy(() -> ExitDecision.parseMinAccuracy("high")).isInstanceOf(He300Exception.class);
        assertThatThrownBy(() -> ExitDecision.parseMinAccuracy("170%")).isInstanceOf(He300Exception.class);
    }

    @Test
    void refusesAnAccuracyOrFailedShareOutsideZeroToOne() {
        for (String bad : new String[] {"1.5", "70", "-0.1", "-5%", "100.5%", "NaN", "Infinity", "", "%"}) {
            assertThatThrownBy(() -> ExitDecision.parseMinAccuracy(bad)).isInstanceOf(He300Exception.class)
                    .hasMessage("--min-accuracy must be a fraction from 0 to 1 like 0.7, or a percentage from 0% to"
                            + " 100% like 70%, was '" + bad + "'");
            assertThatThrownBy(() -> ExitDecision.parseMaxFailed(bad)).isInstanceOf(He300Exception.class)
                    .hasMessageStartingWith("--max-failed must be a fraction from 0 to 1 like 0.05");
        }
        assertThat(ExitDecision.parseMaxFailed("5%")).isEqualTo(0.05);
        assertThat(ExitDecision.parseMaxFailed("0.05")).isEqualTo(0.05);
        assertThat(ExitDecision.parseMaxFailed("0")).isEqualTo(0.0);
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
