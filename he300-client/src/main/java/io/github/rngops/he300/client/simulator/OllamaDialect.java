package io.github.rngops.he300.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Ollama's {@code /api/generate} ({@code chat == false}) and {@code /api/chat}. Streams unless {@code "stream": false}
 * (Ollama's default); sampling options count only inside {@code "options"}, as on a real server.
 */
final class OllamaDialect extends Dialect {

    private final boolean chat;

    OllamaDialect(boolean chat) {
        this.chat = chat;
    }

    @Override
    GenerationRequest parse(ObjectNode body) throws BadRequest {
        String model = Json.text(body, "model");
        if (model == null || model.isBlank()) {
            throw new BadRequest("model is required");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new BadRequest("json: cannot unmarshal " + stream.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " into Go struct field .stream of type bool");
        }
        JsonNode options = body.get("options");
        if (options != null && !options.isNull() && !options.isObject()) {
            throw new BadRequest("json: cannot unmarshal options: must be an object");
        }
        JsonNode format = body.path("format");
        boolean json = format.isObject() || "json".equals(format.asText(""));
        int maxTokens = options != null && options.path("num_predict").isIntegralNumber()
                ? options.get("num_predict").asInt() : 0;
        Map<String, Object> logged = Json.toMap(options);
        return new GenerationRequest(model, chat ? chatPrompt(body) : generatePrompt(body),
                stream == null || stream.isNull() || stream.asBoolean(), logged, json, maxTokens);
    }

    private static String generatePrompt(ObjectNode body) {
        String prompt = Json.text(body, "prompt");
        return prompt == null || prompt.isEmpty() ? null : prompt;
    }

    private static String chatPrompt(ObjectNode body) throws BadRequest {
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull() || (messages.isArray() && messages.isEmpty())) {
            return null;
        }
        if (!messages.isArray()) {
            throw new BadRequest("messages must be an array");
        }
        return OpenAiDialect.lastUserContent(messages);
    }

    @Override
    JsonNode error(int status, String message) {
        return Json.object().put("error", message);
    }

    @Override
    JsonNode modelNotFound(String model) {
        return error(404, notFoundMessage(model));
    }

    @Override
    JsonNode complete(Reply reply, Completion completion, Timings timings) {
        ObjectNode node = head(reply, completion.text());
        node.put("done", true).put("done_reason", completion.doneReason());
        node.put("total_duration", timings.totalNanos())
                .put("load_duration", timings.loadNanos())
                .put("prompt_eval_count", completion.promptTokens())
                .put("prompt_eval_duration", timings.promptEvalNanos())
                .put("eval_count", completion.evalCount())
                .put("eval_duration", timings.evalNanos());
        return node;
    }

    @Override
    JsonNode chunk(Reply reply, String token) {
        return head(reply, token).put("done", false);
    }

    @Override
    JsonNode last(Reply reply, Completion completion, Timings timings) {
        ObjectNode node = (ObjectNode) complete(reply, completion, timings);
        if (chat) {
            ((ObjectNode) node.get("message")).put("content", "");
        } else {
            node.put("response", "");
        }
        return node;
    }

    @Override
    JsonNode load(Reply reply) {
        return head(reply, "").put("done", true).put("done_reason", "load");
    }

    private ObjectNode head(Reply reply, String text) {
        ObjectNode node = Json.object().put("model", reply.model()).put("created_at", reply.created().toString());
        if (chat) {
            node.putObject("message").put("role", "assistant").put("content", text);
        } else {
            node.put("response", text);
        }
        return node;
    }

    @Override
    String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    byte[] frame(byte[] json) {
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    @Override
    byte[] endOfStream() {
        return "".getBytes(StandardCharsets.UTF_8);
    }
}
