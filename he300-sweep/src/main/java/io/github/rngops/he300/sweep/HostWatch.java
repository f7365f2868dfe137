package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.Progress;
import io.github.rngops.he300.core.run.ProgressListener;
import io.github.rngops.he300.core.run.Run;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Notices a host going down in the middle of a cell and stops the run there (what was answered stays in the journal,
 * the rest is left for {@code --resume}) so the cell is not finished as a column of connection errors.
 *
 * <p>Two signs make it check that the host still accepts a TCP connection: {@value #STREAK} outcomes in a row that
 * all failed, or no outcome at all for {@link #STALL}. The second matters because a dead host's calls do not fail
 * quickly: the client's circuit breaker holds them back, waiting for the host to come back within the retry's time,
 * which is right for one run against a restarting server and wrong for a sweep with other cells to get on with. A
 * stalled host is declared down after {@value #MISSES} refused probes in a row, {@link #PROBE_EVERY} apart, so one
 * dropped connection does not stop a cell. The engine's fail fast only looks at a run's first outcomes; this looks
 * at any stretch.
 */
final class HostWatch implements ProgressListener, AutoCloseable {

    static final int STREAK = 10;
    static final int MISSES = 2;
    static final Duration CONNECT = Duration.ofSeconds(2);
    static final Duration STALL = Duration.ofSeconds(2);
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final BooleanSupplier reachable;
    private final LongSupplier nanoTime;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "he300-sweep-host-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable stop;
    private volatile long lastOutcome;
    private int lastDone;
    private int lastFailed;
    private int streak;
    private int misses;

    HostWatch(BooleanSupplier reachable, LongSupplier nanoTime) {
        this.reachable = reachable;
        this.nanoTime = nanoTime;
        this.lastOutcome = nanoTime.getAsLong();
    }

    /** A watch on the host at {@code url}; null for a host without one (the simulator of {@code kind: simulate}). */
    static HostWatch of(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String host = uri.getHost();
        return new HostWatch(() -> accepts(host, port), System::nanoTime);
    }

    /** The run to stop; set once it has started. Starts the stall probe. */
    void watch(Run value) {
        arm(() -> value.stop(Duration.ofSeconds(2)));
        prober.scheduleWithFixedDelay(this::probeIfStalled, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** What stopping the run does; package-private so a test can watch without a run. */
    void arm(Runnable stopper) {
        lastOutcome = nanoTime.getAsLong();
        this.stop = stopper;
    }

    /** Whether the watch found the host down and stopped the run. */
    boolean hostDown() {
        return down.get();
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        int newDone = progress.done() - lastDone;
        int newFailed = progress.failed() - lastFailed;
        lastDone = progress.done();
        lastFailed = progress.failed();
        if (newDone > 0) {
            lastOutcome = nanoTime.getAsLong();
        }
        streak = newDone > 0 && newFailed == newDone ? streak + newDone : newDone > 0 ? 0 : streak;
        if (streak >= STREAK && stop != null && !down.get() && !reachable.getAsBoolean()) {
            stopRun();
        }
    }

    /** One tick of the stall probe; package-private so a test can drive it without waiting for the clock. */
    synchronized void probeIfStalled() {
        if (stop == null || down.get() || nanoTime.getAsLong() - lastOutcome < STALL.toNanos()) {
            misses = 0;
            return;
        }
        misses = reachable.getAsBoolean() ? 0 : misses + 1;
        if (misses >= MISSES) {
            stopRun();
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }

    private void stopRun() {
        down.set(true);
        // not on the engine's thread (or the prober's), which the stop waits for
        Thread stopper = new Thread(stop, "he300-sweep-host-down");
        stopper.setDaemon(true);
        stopper.start();
        prober.shutdown();
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
