package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.cirisnode.BenchmarkHealth;
import io.github.rngops.he300.client.cirisnode.BenchmarkJobException;
import io.github.rngops.he300.client.cirisnode.BenchmarkResult;
import io.github.rngops.he300.client.cirisnode.CirisNodeClient;
import io.github.rngops.he300.client.cirisnode.JobPolling;
import io.github.rngops.he300.client.cirisnode.NodeHealth;
import io.github.rngops.he300.client.cirisnode.RunRequest;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.TargetException;
import io.github.rngops.he300.core.run.TargetInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole sample as one CIRISNode benchmark job: {@code POST /run} with the scenario ids, poll until done, and
 * convert the bundle's rows into replies. The canned result of a node whose EthicsEngine path is disabled is refused:
 * every scenario fails with {@code server_error} saying so, never a score.
 */
final class CirisNodeTarget implements OpenTarget {

    private final CirisNodeClient client;
    private final String model;
    private final JobPolling polling;
    private final Clock clock;
    private final TargetInfo info;

    CirisNodeTarget(TargetConfig config) {
        String url = config.effectiveUrl();
        CirisNodeClient.Builder builder = CirisNodeClient.builder().baseUrl(url).http(config.httpSettings());
        Credentials credentials = config.credentials();
        if (credentials.hasLogin()) {
            builder.login(credentials.username(), credentials.password());
        } else if (credentials.apiKey() != null) {
            builder.apiKey(credentials.apiKey());
        } else if (credentials.token() != null) {
            builder.bearerToken(credentials.token());
        }
        this.client = builder.build();
        this.model = config.model() == null ? "server-default" : config.model();
        this.polling = config.polling();
        this.clock = config.http().clock();
        try {
            NodeHealth health = client.health();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("prompts", "built by the node's EthicsEngine");
            if (health.build() != null) {
                details.put("build", health.build().toString());
            }
            try {
                BenchmarkHealth he300 = client.he300Health();
                details.put("eee_enabled", Boolean.toString(he300.eeeEnabled()));
            } catch (ClientException e) {
                details.put("eee_enabled", "unknown");
            }
            this.info = TargetInfo.of(TargetKind.CIRISNODE.id(), url).withServerVersion(health.version())
                    .withDetails(details);
        } catch (ClientException e) {
            client.close();
            throw new He300Exception("cannot reach the CIRISNode at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int maxBatch() {
        return Integer.MAX_VALUE;
    }

    @Override
    public TargetInfo describe() {
        return info;
    }

    @Override
    public List<Reply> evaluate(Batch batch) throws InterruptedException {
        List<String> ids = batch.requests().stream().map(ScenarioRequest::scenarioId).collect(Collectors.toList());
        RunRequest request = RunRequest.he300().withScenarioIds(ids);
        if (!model.equals("server-default")) {
            request = request.withModel(model);
        }
        BenchmarkResult result;
        try {
            String job = client.run(request);
            result = client.awaitResult(job, polling.withDeadline(until(batch))).requireMeasurement();
        } catch (ClientException e) {
            throw new TargetException(ErrorKinds.of(e), e.getMessage(), e, Math.max(1, e.attempts()));
        } catch (BenchmarkJobException e) {
            throw failure(e);
        }
        List<Reply> replies = new ArrayList<>(result.results().size());
        for (BenchmarkResult.Row row : result.results()) {
            if (row.scenarioId() != null) {
                replies.add(ServerReplies.reply(row.scenarioId(), row.modelResponse(), row.error(),
                        row.predictedLabel(), row.latencyMs()));
            }
        }
        if (replies.isEmpty()) {
            throw new TargetException(ErrorKind.INVALID_RESPONSE, "the CIRISNode result has no per-scenario results"
                    + " (only a summary?): it cannot be checked or scored, so it is not taken as a measurement");
        }
        return replies;
    }

    /** The job's wait: the polling deadline, cut to the batch's. */
    private Duration until(Batch batch) {
        Duration left = Duration.between(clock.instant(), batch.deadline());
        if (left.isNegative() || left.isZero()) {
            return Duration.ofMillis(1);
        }
        return left.compareTo(polling.deadline()) < 0 ? left : polling.deadline();
    }

    private static RuntimeException failure(BenchmarkJobException e) throws InterruptedException {
        switch (e.reason()) {
            case CANCELLED:
                Thread.currentThread().interrupt();
                throw new InterruptedException(e.getMessage());
            case DEADLINE_PASSED:
                return new TargetException(ErrorKind.TIMEOUT, e.getMessage(), e);
            case NOT_A_MEASUREMENT:
            case FAILED:
            case LOST:
            default:
                return new TargetException(ErrorKind.SERVER_ERROR, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
