package io.github.rngops.he300.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.rngops.he300.core.run.Progress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watch's two signs, driven tick by tick with a clock the test moves and a reachability the test sets. */
class HostWatchTest {

    final AtomicLong now = new AtomicLong();
    final AtomicBoolean up = new AtomicBoolean(true);
    final AtomicInteger stops = new AtomicInteger();
    final HostWatch watch = new HostWatch(up::get, now::get);

    @Test
    void aStalledHostThatRefusesTwoProbesInARowIsStopped() {
        watch.arm(stops::incrementAndGet);
        watch.onProgress(progress(5, 0));
        up.set(false);
        now.addAndGet(HostWatch.STALL.toNanos() - 1);
        watch.probeIfStalled();
        watch.probeIfStalled();
        assertThat(watch.hostDown()).as("not stalled long enough").isFalse();

        now.addAndGet(1);
        watch.probeIfStalled();
        assertThat(watch.hostDown()).as("one refusal").isFalse();
        watch.probeIfStalled();
        assertThat(watch.hostDown()).isTrue();
        await().untilAsserted(() -> assertThat(stops).hasValue(1));
        watch.probeIfStalled();
        watch.onProgress(progress(20, 15));
        assertThat(stops).as("stopped once").hasValue(1);
    }

    @Test
    void aSlowHostThatStillAcceptsConnectionsIsNeverDeclaredDown() {
        watch.arm(stops::incrementAndGet);
        watch.onProgress(progress(1, 0));
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        for (int tick = 0; tick < 100; tick++) {
            watch.probeIfStalled();
        }
        assertThat(watch.hostDown()).isFalse();
    }

    @Test
    void oneRefusedProbeBetweenGoodOnesIsNotEnough() {
        watch.arm(stops::incrementAndGet);
        now.addAndGet(HostWatch.STALL.toNanos());
        for (boolean answer : new boolean[] {false, true, false, true, false}) {
            up.set(answer);
            watch.probeIfStalled();
        }
        assertThat(watch.hostDown()).isFalse();
    }

    @Test
    void anOutcomeResetsTheStall() {
        watch.arm(stops::incrementAndGet);
        up.set(false);
        now.addAndGet(HostWatch.STALL.toNanos());
        watch.probeIfStalled();
        watch.onProgress(progress(1, 0));                    // an answer arrived: the host is working
        watch.probeIfStalled();
        assertThat(watch.hostDown()).isFalse();
    }

    @Test
    void aStreakOfFailuresFromAHostThatRefusesStopsAtOnce() {
        watch.arm(stops::incrementAndGet);
        watch.onProgress(progress(3, 0));
        up.set(false);
        watch.onProgress(progress(3 + HostWatch.STREAK - 1, HostWatch.STREAK - 1));
        assertThat(watch.hostDown()).isFalse();
        watch.onProgress(progress(3 + HostWatch.STREAK, HostWatch.STREAK));
        assertThat(watch.hostDown()).isTrue();
    }

    static Progress progress(int done, int failed) {
        return new Progress(done, 300, done - failed, failed, 0, 0);
    }
}
