package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.http.Auth;
import io.github.rngops.he300.client.http.ClientException;
import io.github.rngops.he300.client.ollama.ChatRequest;
import io.github.rngops.he300.client.ollama.GenerateRequest;
import io.github.rngops.he300.client.ollama.LocalModel;
import io.github.rngops.he300.client.ollama.Message;
import io.github.rngops.he300.client.ollama.ModelDescription;
import io.github.rngops.he300.client.ollama.ModelDetails;
import io.github.rngops.he300.client.ollama.OllamaClient;
import io.github.rngops.he300.client.ollama.Options;
import io.github.rngops.he300.client.ollama.Timings;
import io.github.rngops.he300.core.ErrorKind;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.prompt.Prompt;
import io.github.rngops.he300.core.run.Batch;
import io.github.rngops.he300.core.run.Reply;
import io.github.rngops.he300.core.run.ScenarioRequest;
import io.github.rngops.he300.core.run.TargetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario per request to Ollama's {@code /api/generate} (or {@code /api/chat}), the generation options inside
 * {@code options}. The model is checked, and the server and model described, when the target is opened.
 */
final class OllamaTarget implements OpenTarget {

    private final OllamaClient client;
    private final boolean chat;
    private final String model;
    private final TargetInfo info;

    OllamaTarget(TargetConfig config, String kind, boolean simulated) {
        String url = config.effectiveUrl();
        OllamaClient.Builder builder = OllamaClient.builder().baseUrl(url).settings(config.httpSettings());
        Auth auth = auth(config.credentials());
        if (auth != null) {
            builder.auth(auth);
        }
        this.client = builder.build();
        this.chat = config.chat();
        try {
            String version = client.version();
            this.model = checkModel(config.model(), url);
            this.info = describe(kind, url, version, simulated);
        } catch (ClientException e) {
            client.close();
            throw new He300Exception("cannot use the Ollama at " + url + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** A bearer token or API key for an Ollama behind a proxy that wants one; a login means nothing to Ollama. */
    private static Auth auth(Credentials credentials) {
        if (credentials.token() != null) {
            return Auth.bearer(credentials.token());
        }
        return credentials.apiKey() != null ? Auth.bearer(credentials.apiKey()) : null;
    }

    /** The model to use: the one asked for if the server has it, else the server's only model. */
    private String checkModel(String wanted, String url) {
        if (wanted != null) {
            try {
                client.show(wanted);
                return wanted;
            } catch (ClientException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        List<String> names = client.tags().stream().map(LocalModel::name).collect(Collectors.toList());
        if (wanted == null && names.size() == 1) {
            return names.get(0);
        }
        String available = names.isEmpty() ? "it has no models" : "it has " + String.join(", ", names);
        if (wanted == null) {
            throw new He300Exception("no model given and the Ollama at " + url + " has " + (names.isEmpty()
                    ? "none" : "several (" + String.join(", ", names) + ")") + ": pass --model");
        }
        throw new He300Exception("model '" + wanted + "' is not on the Ollama at " + url + " (" + available
                + "): pull it with 'ollama pull " + wanted + "' or pass another --model");
    }

    private TargetInfo describe(String kind, String url, String version, boolean simulated) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("api", chat ? "chat" : "generate");
        details.put("model", model);
        String digest = null;
        ModelDetails modelDetails = null;
        for (LocalModel local : client.tags()) {
            if (sameModel(local.name(), model) || sameModel(local.model(), model)) {
                digest = local.digest();
                modelDetails = local.details();
                break;
            }
        }
        if (modelDetails == null) {
            ModelDescription description = client.show(model);
            modelDetails = description.details();
        }
        String quantization = null;
        boolean simulator = simulated || (version != null && version.toLowerCase(Locale.ROOT).contains("simulator"));
        if (modelDetails != null) {
            quantization = modelDetails.quantizationLevel();
            putIfSet(details, "family", modelDetails.family());
            putIfSet(details, "parameter_size", modelDetails.parameterSize());
            putIfSet(details, "format", modelDetails.format());
            simulator |= "simulator".equalsIgnoreCase(modelDetails.family());
        }
        return TargetInfo.of(kind, url).withServerVersion(version).withModel(digest, quantization)
                .withSimulated(simulator).withDetails(details);
    }

    private static boolean sameModel(String listed, String wanted) {
        if (listed == null) {
            return false;
        }
        return listed.equals(wanted) || listed.equals(wanted + ":latest");
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
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
        String modelName = request.generation().model();
        Options options = GenerationOptions.ollama(request.generation().options());
        Prompt prompt = request.prompt();
        try {
            Timings timings;
            String text;
            int attempts;
            if (chat) {
                List<Message> messages = new ArrayList<>();
                prompt.systemPrompt().ifPresent(s -> messages.add(Message.system(s)));
                messages.add(Message.user(prompt.user()));
                var response = client.chatWithAttempts(new ChatRequest(modelName, messages, options, null, null));
                text = response.value().message() == null ? null : response.value().content();
                timings = response.value();
                attempts = response.attempts();
            } else {
                GenerateRequest generate = GenerateRequest.of(modelName, prompt.user()).withOptions(options);
                if (prompt.system() != null) {
                    generate = generate.withSystem(prompt.system());
                }
                var response = client.generateWithAttempts(generate);
                text = response.value().response();
                timings = response.value();
                attempts = response.attempts();
            }
            if (text == null) {
                // Ollama always sends the answer's text, if empty; without it there is nothing to score.
                return Reply.failure(request.scenarioId(), ErrorKind.INVALID_RESPONSE, "POST "
                        + (chat ? "/api/chat" : "/api/generate") + " → 200 without " + (chat ? "message" : "response")
                        + ": no answer to score", millisSince(started)).withAttempts(attempts);
            }
            return Reply.answer(request.scenarioId(), text, millisSince(started)).withAttempts(attempts)
                    .withTokens(toInt(timings.promptEvalCount()), toInt(timings.evalCount()), timings.evalDuration());
        } catch (ClientException e) {
            return Reply.failure(request.scenarioId(), ErrorKinds.of(e), e.getMessage(), millisSince(started))
                    .withAttempts(Math.max(1, e.attempts()));
        }
    }

    static long millisSince(long startedNanos) {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "OllamaTarget[" + info.url() + ", " + model + "]";
    }
}
