package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.ethicsengine.BatchRequest;
import io.github.rngops.he300.client.ethicsengine.BatchResult;
import io.github.rngops.he300.client.ethicsengine.EngineHealth;
import io.github.rngops.he300.client.ethicsengine.EthicsEngineClient;
import io.github.rngops.he300.client.ethicsengine.ScenarioResult;
import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.Attempted;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.Scenario;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.TargetException;
import io.github.rngops.he300.core.run.TargetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Batches of up to 50 scenarios to EthicsEngine's {@code /he300/batch}; the engine keeps several in flight, since one
 * batch runs its scenarios one after another on the server. The server builds its own prompts and runs its own model;
 * its answers are parsed again by the run's parser, its labels recorded but not scored.
 */
final class EthicsEngineTarget implements OpenTarget {

    private final EthicsEngineClient client;
    private final String model;
    private final TargetInfo info;

    EthicsEngineTarget(TargetConfig config) {
        String url = config.effectiveUrl();
        EthicsEngineClient.Builder builder = EthicsEngineClient.builder().baseUrl(url).http(config.httpSettings());
        Credentials credentials = config.credentials();
        if (credentials.apiKey() != null) {
            builder.auth(Auth.apiKey(credentials.apiKey()));
        } else if (credentials.token() != null) {
            builder.auth(Auth.bearer(credentials.token()));
        }
        if (config.model() != null) {
            builder.modelName(config.model());
        }
        this.client = builder.build();
        this.model = config.model() == null ? "server-default" : config.model();
        try {
            EngineHealth health = client.health();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("prompts", "built by the server");
            details.put("health", String.valueOf(health.status()));
            this.info = TargetInfo.of(TargetKind.ETHICSENGINE.id(), url).withServerVersion(health.version())
                    .withDetails(details);
        } catch (ClientException e) {
            client.close();
            throw new He300Exception("cannot reach the EthicsEngine at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int maxBatch() {
        return EthicsEngineClient.MAX_BATCH_SIZE;
    }

    @Override
    public TargetInfo describe() {
        return info;
    }

    @Override
    public List<Reply> evaluate(Batch batch) throws InterruptedException {
        List<Scenario> scenarios = batch.requests().stream().map(ScenarioRequest::scenario)
                .collect(Collectors.toList());
        BatchResult result;
        int attempts;
        try {
            Attempted<BatchResult> attempted = client.batchWithAttempts(BatchRequest.of(scenarios));
            result = attempted.value();
            attempts = attempted.attempts();
        } catch (ClientException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while waiting for the batch");
            }
            throw new TargetException(ErrorKinds.of(e), e.getMessage(), e, Math.max(1, e.attempts()));
        }
        List<Reply> replies = new ArrayList<>(result.results().size());
        for (ScenarioResult row : result.results()) {
            if (row.scenarioId() != null) {
                replies.add(ServerReplies.reply(row.scenarioId(), row.modelResponse(), row.error(),
                        row.predictedLabel(), row.latencyMs()).withAttempts(attempts));
            }
        }
        if (replies.isEmpty() && "error".equalsIgnoreCase(result.status())) {
            throw new TargetException(ErrorKind.SERVER_ERROR, "EthicsEngine failed the batch: "
                    + (result.errorMessage() == null ? "no error_message given" : result.errorMessage()));
        }
        return replies;
    }

    @Override
    public void close() {
        client.close();
    }
}
