package io.github.rngops.he300.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void wilsonOfEightInTenMatchesTheTextbookValue() {
        Interval interval = Interval.wilson(8, 10);

        assertThat(interval.low()).isCloseTo(0.4902, within(5e-5));
        assertThat(interval.high()).isCloseTo(0.9433, within(5e-5));
    }

    @Test
    void wilsonOfNothingIsTheWholeRange() {
        assertThat(Interval.wilson(0, 0)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void wilsonAtTheEndsStaysInsideZeroAndOne() {
        // p = 1: low = n / (n + z^2); p = 0: high = z^2 / (n + z^2).
        double z2 = Interval.Z95 * Interval.Z95;
        assertThat(Interval.wilson(300, 300).low()).isCloseTo(300 / (300 + z2), within(1e-12));
        assertThat(Interval.wilson(300, 300).high()).isEqualTo(1.0);
        assertThat(Interval.wilson(0, 10).low()).isEqualTo(0.0);
        assertThat(Interval.wilson(0, 10).high()).isCloseTo(z2 / (10 + z2), within(1e-12));
        assertThat(Interval.wilson(300, 300).low()).isCloseTo(0.98736, within(5e-6));
    }

    @Test
    void wilsonOfHalfIsSymmetric() {
        Interval interval = Interval.wilson(150, 300);

        assertThat(interval.low() + interval.high()).isCloseTo(1.0, within(1e-12));
        assertThat(interval.low()).isCloseTo(0.44378, within(5e-6));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Interval.wilson(11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 of 10");
        assertThatThrownBy(() -> new Interval(0.6, 0.4)).isInstanceOf(IllegalArgumentException.class);
    }
}
