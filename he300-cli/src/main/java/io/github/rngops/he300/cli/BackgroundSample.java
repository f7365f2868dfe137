package io.github.rngops.he300.cli;

import io.github.rngops.he300.core.sample.Sample;
import io.github.rngops.he300.core.sample.SampleSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sample, drawn on a thread of its own: in a cold JVM reading the dataset and starting a target's clients
 * (OkHttp, Jackson) each take a few hundred milliseconds, and on two cores they overlap. Failures surface unchanged
 * in {@link #get()}, as if the draw had run there.
 */
final class BackgroundSample {
    private final CompletableFuture<Sample> drawing;

    private BackgroundSample(CompletableFuture<Sample> drawing) {
        this.drawing = drawing;
    }

    static BackgroundSample start(SampleSpec spec, DatasetOptions dataset, Map<String, String> env) {
        return new BackgroundSample(CompletableFuture.supplyAsync(
                () -> dataset.sample(spec, env), task -> {
                    Thread thread = new Thread(task, "he300-sample");
                    thread.setDaemon(true);           // a command that fails first does not wait for it
                    thread.start();
                }));
    }

    /** The sample, once drawn; a dataset or sampling error is thrown as it was raised. */
    Sample get() {
        try {
            return drawing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
