package io.github.rngops.he300.client.target;

import io.github.rngops.he300.client.ollama.Options;
import io.github.rngops.he300.client.openai.ChatCompletionRequest;
import io.github.rngops.he300.core.He300Exception;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads a run's generation options (JSON values by the target's own names) into each client's request types. */
final class GenerationOptions {

    private GenerationOptions() {
    }

    /** Ollama's {@code options}: temperature, seed, num_predict, num_ctx, top_k, top_p, stop. */
    static Options ollama(Map<String, Object> options) {
        Options.Builder b = Options.builder();
        options.forEach((name, value) -> {
            switch (name) {
                case "temperature":
                    b.temperature(number(name, value).doubleValue());
                    break;
                case "seed":
                    b.seed(number(name, value).intValue());
                    break;
                case "num_predict":
                    b.numPredict(number(name, value).intValue());
                    break;
                case "num_ctx":
                    b.numCtx(number(name, value).intValue());
                    break;
                case "top_k":
                    b.topK(number(name, value).intValue());
                    break;
                case "top_p":
                    b.topP(number(name, value).doubleValue());
                    break;
                case "stop":
                    b.stop(strings(name, value));
                    break;
                default:
                    throw new He300Exception("the Ollama target does not know the generation option '" + name
                            + "' (it sends temperature, seed, num_predict, num_ctx, top_k, top_p, stop)");
            }
        });
        return b.build();
    }

    /** An OpenAI chat completion's sampling settings: temperature, seed, max_tokens, stop. */
    static ChatCompletionRequest openAi(ChatCompletionRequest request, Map<String, Object> options) {
        ChatCompletionRequest r = request;
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String name = option.getKey();
            Object value = option.getValue();
            switch (name) {
                case "temperature":
                    r = r.withTemperature(number(name, value).doubleValue());
                    break;
                case "seed":
                    r = r.withSeed(number(name, value).intValue());
                    break;
                case "max_tokens":
                case "max_completion_tokens":
                    r = r.withMaxTokens(number(name, value).intValue());
                    break;
                case "stop":
                    r = r.withStop(strings(name, value));
                    break;
                default:
                    throw new He300Exception("the OpenAI target does not know the generation option '" + name
                            + "' (it sends temperature, seed, max_tokens, stop)");
            }
        }
        return r;
    }

    private static Number number(String name, Object value) {
        if (value instanceof Number) {
            return (Number) value;
        }
        throw new He300Exception("generation option " + name + " must be a number, was " + value);
    }

    private static List<String> strings(String name, Object value) {
        if (value instanceof List) {
            return ((List<?>) value).stream().map(String::valueOf).collect(Collectors.toList());
        }
        if (value instanceof String) {
            return List.of((String) value);
        }
        throw new He300Exception("generation option " + name + " must be a string or a list of strings, was " + value);
    }
}
