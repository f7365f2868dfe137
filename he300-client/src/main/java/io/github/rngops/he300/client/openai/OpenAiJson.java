package io.github.rngops.he300.client.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.rngops.he300.client.http.JsonBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI formats a run uses, token by token: the chat completion both ways, and the model list it checks first. A
 * run sends and reads hundreds of these in a JVM that lives for seconds, where the mapper's reflection over the
 * records would cost more than the JSON itself.
 *
 * <p>Answers are read here only in their plain shape: each field absent, null or of its own JSON type. Anything else
 * (a number where text belongs, broken JSON) is left to the mapper, which decodes the odd answer into the same record
 * or fails with its precise message; {@code OpenAiJsonTest} holds the two readers to the same records.
 */
final class OpenAiJson {

    private static final JsonFactory JSON = new JsonFactory();

    private OpenAiJson() {
    }

    /** The request body, written as the mapper would write the same fields: in this order, absent ones left out. */
    static JsonBody body(ChatCompletionRequest request, boolean maxCompletionTokens) {
        return out -> {
            out.writeStartObject();
            out.writeStringField("model", request.model());
            out.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                out.writeStartObject();
                out.writeStringField("role", message.role());
                out.writeStringField("content", message.content());
                out.writeEndObject();
            }
            out.writeEndArray();
            if (request.temperature() != null) {
                out.writeNumberField("temperature", request.temperature());
            }
            if (request.maxTokens() != null) {
                out.writeNumberField(maxCompletionTokens ? "max_completion_tokens" : "max_tokens", request.maxTokens());
            }
            if (request.seed() != null) {
                out.writeNumberField("seed", request.seed());
            }
            if (request.stop() != null) {
                out.writeArrayFieldStart("stop");
                for (String stop : request.stop()) {
                    out.writeString(stop);
                }
                out.writeEndArray();
            }
            out.writeBooleanField("stream", false);
            out.writeEndObject();
        };
    }

    /**
     * {@return the answer, when {@code body} has the plain shape; empty when the mapper has to decide}
     *
     * @param body the answer's body
     */
    static Optional<ChatCompletion> read(String body) {
        try (JsonParser in = JSON.createParser(body)) {
            ChatCompletion completion = completion(in);
            return in.nextToken() == null ? Optional.of(completion) : Optional.empty();
        } catch (IOException | NotPlain e) {
            return Optional.empty();
        }
    }

    /**
     * {@return the models of a {@code GET /v1/models} answer, when {@code body} has the plain shape; empty when the
     * mapper has to decide}
     *
     * @param body the answer's body
     */
    static Optional<OpenAiClient.ModelList> modelList(String body) {
        try (JsonParser in = JSON.createParser(body)) {
            expect(in.nextToken(), JsonToken.START_OBJECT);
            List<ModelEntry> data = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (field.equals("data") && value != JsonToken.VALUE_NULL) {
                    data = models(in, value);
                } else if (field.equals("data")) {
                    data = null;
                } else {
                    in.skipChildren();
                }
            }
            return in.nextToken() == null ? Optional.of(new OpenAiClient.ModelList(data)) : Optional.empty();
        } catch (IOException | NotPlain e) {
            return Optional.empty();
        }
    }

    private static List<ModelEntry> models(JsonParser in, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<ModelEntry> models = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            String id = null;
            String object = null;
            Long created = null;
            String ownedBy = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "id" -> id = text(in, value);
                    case "object" -> object = text(in, value);
                    case "created" -> created = value == JsonToken.VALUE_NULL ? null : whole(in, value);
                    case "owned_by" -> ownedBy = text(in, value);
                    default -> in.skipChildren();
                }
            }
            models.add(new ModelEntry(id, object, created, ownedBy));
        }
        expect(in.currentToken(), JsonToken.END_ARRAY);
        return models;
    }

    private static ChatCompletion completion(JsonParser in) throws IOException {
        expect(in.nextToken(), JsonToken.START_OBJECT);
        String id = null;
        String model = null;
        List<ChatCompletion.Choice> choices = null;
        ChatCompletion.Usage usage = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "id" -> id = text(in, value);
                case "model" -> model = text(in, value);
                case "choices" -> choices = value == JsonToken.VALUE_NULL ? null : choices(in, value);
                case "usage" -> usage = value == JsonToken.VALUE_NULL ? null : usage(in, value);
                default -> in.skipChildren();
            }
        }
        return new ChatCompletion(id, model, choices, usage);
    }

    private static List<ChatCompletion.Choice> choices(JsonParser in, JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        List<ChatCompletion.Choice> choices = new ArrayList<>(1);
        while (in.nextToken() == JsonToken.START_OBJECT) {
            int index = 0;
            ChatMessage message = null;
            String finishReason = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "index" -> index = value == JsonToken.VALUE_NULL ? 0 : integer(in, value);
                    case "message" -> message = value == JsonToken.VALUE_NULL ? null : message(in, value);
                    case "finish_reason" -> finishReason = text(in, value);
                    default -> in.skipChildren();
                }
            }
            choices.add(new ChatCompletion.Choice(index, message, finishReason));
        }
        expect(in.currentToken(), JsonToken.END_ARRAY);
        return choices;
    }

    private static ChatMessage message(JsonParser in, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String role = null;
        String content = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "role" -> role = text(in, value);
                case "content" -> content = text(in, value);
                default -> in.skipChildren();
            }
        }
        if (role == null) {
            throw NotPlain.INSTANCE;
        }
        return new ChatMessage(role, content);
    }

    private static ChatCompletion.Usage usage(JsonParser in, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        Integer prompt = null;
        Integer completion = null;
        Integer total = null;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "prompt_tokens" -> prompt = optionalInteger(in, value);
                case "completion_tokens" -> completion = optionalInteger(in, value);
                case "total_tokens" -> total = optionalInteger(in, value);
                default -> in.skipChildren();
            }
        }
        return new ChatCompletion.Usage(prompt, completion, total);
    }

    private static String text(JsonParser in, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING);
        return in.getText();
    }

    private static Integer optionalInteger(JsonParser in, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : integer(in, value);
    }

    private static int integer(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        if (in.getNumberType() != JsonParser.NumberType.INT) {
            throw NotPlain.INSTANCE;
        }
        return in.getIntValue();
    }

    private static long whole(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        if (in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw NotPlain.INSTANCE;
        }
        return in.getLongValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw NotPlain.INSTANCE;
        }
    }

    /** Not the plain shape: the mapper decides. Thrown often enough to skip the stack trace. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not the plain shape", null, false, false);
        }
    }
}
