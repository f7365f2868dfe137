package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.openai.ChatCompletion;
import io.github.rngops.he300.client.openai.ChatCompletionRequest;
import io.github.rngops.he300.client.openai.ChatMessage;
import io.github.rngops.he300.client.openai.ModelEntry;
import io.github.rngops.he300.client.openai.OpenAiClient;
import io.github.rngops.he300.client.simulator.SimulatedModel;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.prompt.Prompt;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.TargetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario per {@code POST /v1/chat/completions}, with the run's temperature, seed and token limit. The model is
 * checked against {@code /v1/models} when the server lists models.
 */
final class OpenAiTarget implements OpenTarget {

    private final OpenAiClient client;
    private final String model;
    private final TargetInfo info;

    OpenAiTarget(TargetConfig config) {
        String url = config.effectiveUrl();
        OpenAiClient.Builder builder = OpenAiClient.builder().baseUrl(url).settings(config.httpSettings());
        Credentials credentials = config.credentials();
        if (credentials.apiKey() != null) {
            builder.apiKey(credentials.apiKey());
        } else if (credentials.token() != null) {
            builder.apiKey(credentials.token());
        }
        this.client = builder.build();
        try {
            List<ModelEntry> models = listedModels();
            this.model = checkModel(config.model(), models, url);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("api", "chat_completions");
            details.put("model", model);
            models.stream().filter(m -> model.equals(m.id())).findFirst()
                    .ifPresent(m -> {
                        if (m.ownedBy() != null) {
                            details.put("owned_by", m.ownedBy());
                        }
                    });
            // the he300 simulator lists its models as owned by "simulator": its answers are labelled SIMULATED
            boolean simulated = models.stream().anyMatch(m -> model.equals(m.id())
                    && SimulatedModel.FAMILY.equalsIgnoreCase(m.ownedBy()));
            this.info = TargetInfo.of(TargetKind.OPENAI.id(), url).withSimulated(simulated).withDetails(details);
        } catch (ClientException e) {
            client.close();
            throw new He300Exception("cannot use the OpenAI-compatible server at " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The models the server lists; empty when it has no {@code /v1/models} (404), as some gateways do. */
    private List<ModelEntry> listedModels() {
        try {
            return client.models();
        } catch (ClientException e) {
            if (e.status() == 404 || e.status() == 405) {
                return List.of();
            }
            throw e;
        }
    }

    private static String checkModel(String wanted, List<ModelEntry> models, String url) {
        List<String> ids = models.stream().map(ModelEntry::id).collect(Collectors.toList());
        if (wanted == null) {
            if (ids.size() == 1) {
                return ids.get(0);
            }
            throw new He300Exception("no model given and the server at " + url + (ids.isEmpty()
                    ? " lists none" : " lists several (" + String.join(", ", ids) + ")") + ": pass --model");
        }
        if (!ids.isEmpty() && !ids.contains(wanted)) {
            throw new He300Exception("model '" + wanted + "' is not served by " + url + " (it lists "
                    + String.join(", ", ids) + "): pass one of those with --model");
        }
        return wanted;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public TargetInfo describe() {
        return info;
    }

    @Override
    public List<Reply> evaluate(Batch batch) throws InterruptedException {
        return OneAtATime.evaluate(batch, this::evaluate);
    }

    private Reply evaluate(ScenarioRequest request) {
        long started = System.nanoTime();
        Prompt prompt = request.prompt();
        List<ChatMessage> messages = new ArrayList<>();
        prompt.systemPrompt().ifPresent(s -> messages.add(ChatMessage.system(s)));
        messages.add(ChatMessage.user(prompt.user()));
        ChatCompletionRequest completion = GenerationOptions.openAi(new ChatCompletionRequest(
                request.generation().model(), messages, null, null, null, null), request.generation().options());
        try {
            ChatCompletion answer = client.chatCompletion(completion);
            Reply reply = Reply.answer(request.scenarioId(), answer.content(), OllamaTarget.millisSince(started));
            ChatCompletion.Usage usage = answer.usage();
            return usage == null ? reply : reply.withTokens(usage.promptTokens(), usage.completionTokens(), null);
        } catch (ClientException e) {
            return Reply.failure(request.scenarioId(), ErrorKinds.of(e), e.getMessage(),
                    OllamaTarget.millisSince(started)).withAttempts(Math.max(1, e.attempts()));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
