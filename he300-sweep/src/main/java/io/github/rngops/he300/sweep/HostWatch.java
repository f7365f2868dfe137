package io.github.rngops.he300.sweep;

import io.github.rngops.he300.core.run.Progress;
import io.github.rngops.he300.core.run.ProgressListener;
import io.github.rngops.he300.core.run.Run;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Notices a host going down in the middle of a cell: after {@value #STREAK} outcomes in a row that all failed, it
 * checks that the host still accepts a TCP connection; when it does not, it stops the run (what was answered stays
 * in the journal, the rest is left for {@code --resume}) so the cell is not finished as a column of connection
 * errors. The engine's fail fast only looks at a run's first outcomes; this looks at any stretch.
 */
final class HostWatch implements ProgressListener {

    static final int STREAK = 10;
    static final Duration CONNECT = Duration.ofSeconds(2);

    private final BooleanSupplier reachable;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile Run run;
    private int lastDone;
    private int lastFailed;
    private int streak;

    private HostWatch(BooleanSupplier reachable) {
        this.reachable = reachable;
    }

    /** A watch on the host at {@code url}; null for a host without one (the simulator of {@code kind: simulate}). */
    static HostWatch of(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String host = uri.getHost();
        return new HostWatch(() -> accepts(host, port));
    }

    /** The run to stop; set once it has started. */
    void watch(Run value) {
        this.run = value;
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
        streak = newDone > 0 && newFailed == newDone ? streak + newDone : newDone > 0 ? 0 : streak;
        if (streak >= STREAK && run != null && !down.get() && !reachable.getAsBoolean()) {
            down.set(true);
            Run toStop = run;
            // not on the engine's thread, which the stop waits for
            Thread stopper = new Thread(() -> toStop.stop(Duration.ofSeconds(2)), "he300-sweep-host-down");
            stopper.setDaemon(true);
            stopper.start();
        }
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
