package io.github.rngops.he300.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Expected values are numpy.percentile's (default method "linear"). */
class LatencySummaryTest {

    @Test
    void interpolatesLinearlyBetweenClosestRanksAsNumpyDoes() {
        long[] oneToTen = LongStream.rangeClosed(1, 10).toArray();

        assertThat(LatencySummary.percentile(oneToTen, 50)).isEqualTo(5.5);    // np.percentile(range(1,11), 50)
        assertThat(LatencySummary.percentile(oneToTen, 95)).isCloseTo(9.55, within(1e-12));
        assertThat(LatencySummary.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2.5);
        assertThat(LatencySummary.percentile(new long[] {10, 20, 40, 1000}, 95)).isCloseTo(856.0, within(1e-9));
        assertThat(LatencySummary.percentile(oneToTen, 0)).isEqualTo(1.0);
        assertThat(LatencySummary.percentile(oneToTen, 100)).isEqualTo(10.0);
    }

    @Test
    void summarizesValuesInAnyOrder() {
        LatencySummary summary = LatencySummary.of(new long[] {40, 10, 1000, 20});

        assertThat(summary.count()).isEqualTo(4);
        assertThat(summary.p50Ms()).isEqualTo(30.0);
        assertThat(summary.p95Ms()).isCloseTo(856.0, within(1e-9));
        assertThat(summary.maxMs()).isEqualTo(1000);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(LatencySummary.of(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7));
    }

    @Test
    void noValuesGiveZeros() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(new LatencySummary(0, 0, 0, 0));
    }
}
