package io.github.rngops.he300.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exact McNemar p-value against values computed by hand from the binomial distribution. */
class McNemarTest {

    @Test
    void matchesTheBinomialTail() {
        // n = 12, k = 2: 2 * (1 + 12 + 66) / 4096
        assertThat(McNemar.exactP(10, 2)).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(McNemar.exactP(2, 10)).isCloseTo(158.0 / 4096, within(1e-12));
        // n = 6, k = 0: 2 / 64
        assertThat(McNemar.exactP(0, 6)).isCloseTo(0.03125, within(1e-12));
        // n = 20, k = 5: 2 * (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 0.04138946533203125
        assertThat(McNemar.exactP(15, 5)).isCloseTo(0.04138946533203125, within(1e-12));
    }

    @Test
    void equalDiscordanceOrNoneIsOne() {
        assertThat(McNemar.exactP(5, 5)).isEqualTo(1.0);
        assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.exactP(0, 1)).isEqualTo(1.0);
    }

    @Test
    void staysFiniteForThousandsOfDiscordantItems() {
        double p = McNemar.exactP(1100, 900);
        assertThat(p).isBetween(1e-7, 1e-4);
        assertThat(McNemar.exactP(3000, 0)).isEqualTo(0.0);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> McNemar.exactP(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
