package io.github.rngops.he300.client.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/chat/completions}, as Ollama's compatibility layer serves it: not streamed unless asked, sampling
 * settings at the top level, server-sent events ending in {@code data: [DONE]} when streamed.
 */
final class OpenAiDialect extends Dialect {

    /** The top-level fields a request's log records as its options. */
    private static final List<String> SAMPLING = List.of("temperature", "top_p", "max_tokens",
            "max_completion_tokens", "seed", "stop", "frequency_penalty", "presence_penalty", "n");

    @Override
    GenerationRequest parse(ObjectNode body) throws BadRequest {
        String model = Json.text(body, "model");
        if (model == null || model.isBlank()) {
            throw new BadRequest("model is required");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new BadRequest("messages must be a non-empty array");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> all = Json.toMap(body);
        for (String field : SAMPLING) {
            if (all.containsKey(field)) {
                options.put(field, all.get(field));
            }
        }
        String type = body.path("response_format").path("type").asText("");
        boolean json = type.equals("json_object") || type.equals("json_schema");
        int maxTokens = body.path("max_completion_tokens").isIntegralNumber()
                ? body.get("max_completion_tokens").asInt() : body.path("max_tokens").asInt(0);
        return new GenerationRequest(model, lastUserContent(messages), body.path("stream").asBoolean(false),
                Collections.unmodifiableMap(options), json, maxTokens);
    }

    /**
     * The content of the last user message (plain text, or the text parts of a list), else of all messages
     * joined: where the scenario is.
     */
    static String lastUserContent(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return content(message.get("content"));
            }
        }
        StringBuilder all = new StringBuilder();
        messages.forEach(m -> all.append(content(m.get("content"))).append("\n\n"));
        return all.toString();
    }

    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(part.path("text").asText("")));
            return text.toString();
        }
        return content.asText();
    }

    @Override
    JsonNode error(int status, String message) {
        String type = status == 400 ? "invalid_request_error"
                : status == 404 ? "not_found_error"
                : status == 429 ? "rate_limit_error"
                : "api_error";
        ObjectNode node = Json.object();
        node.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return node;
    }

    @Override
    JsonNode modelNotFound(String model) {
        ObjectNode node = (ObjectNode) error(404, notFoundMessage(model));
        ((ObjectNode) node.get("error")).put("code", "model_not_found");
        return node;
    }

    @Override
    JsonNode complete(Reply reply, Completion completion, Timings timings) {
        ObjectNode node = head(reply, "chat.completion");
        ObjectNode choice = node.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", completion.text());
        choice.put("finish_reason", completion.doneReason());
        node.putObject("usage")
                .put("prompt_tokens", completion.promptTokens())
                .put("completion_tokens", completion.evalCount())
                .put("total_tokens", completion.promptTokens() + completion.evalCount());
        return node;
    }

    @Override
    JsonNode chunk(Reply reply, String token) {
        ObjectNode node = head(reply, "chat.completion.chunk");
        ObjectNode choice = node.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", token);
        choice.putNull("finish_reason");
        return node;
    }

    @Override
    JsonNode last(Reply reply, Completion completion, Timings timings) {
        ObjectNode node = head(reply, "chat.completion.chunk");
        ObjectNode choice = node.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.put("finish_reason", completion.doneReason());
        return node;
    }

    @Override
    JsonNode load(Reply reply) {
        throw new IllegalStateException("an OpenAI request always has messages");
    }

    private static ObjectNode head(Reply reply, String object) {
        return Json.object()
                .put("id", "chatcmpl-" + reply.number())
                .put("object", object)
                .put("created", reply.created().getEpochSecond())
                .put("model", reply.model())
                .put("system_fingerprint", "fp_he300_simulator");
    }

    @Override
    String streamContentType() {
        return "text/event-stream";
    }

    @Override
    byte[] frame(byte[] json) {
        byte[] prefix = "data: ".getBytes(StandardCharsets.US_ASCII);
        byte[] event = new byte[prefix.length + json.length + 2];
        System.arraycopy(prefix, 0, event, 0, prefix.length);
        System.arraycopy(json, 0, event, prefix.length, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
    }

    @Override
    byte[] endOfStream() {
        return "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    }
}
