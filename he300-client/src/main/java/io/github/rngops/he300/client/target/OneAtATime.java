package io.github.rngops.he300.client.target;

import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A batch for a server that answers one prompt per request (Ollama, OpenAI-compatible): each request in turn, and
 * none after the engine has interrupted the batch (the run is stopping or the batch timed out).
 */
final class OneAtATime {
    private OneAtATime() {}

    static List<Reply> evaluate(Batch batch, Function<ScenarioRequest, Reply> one) throws InterruptedException {
        List<Reply> replies = new ArrayList<>(batch.size());
        for (ScenarioRequest request : batch.requests()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped before " + request.scenarioId());
            }
            replies.add(one.apply(request));
        }
        return replies;
    }
}
