package io.github.rngops.he300.client.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenAiJson} against the mapper it stands in for: the same request bytes, and for every answer it reads, the
 * record the mapper decodes; what it leaves to the mapper is exactly what is not in the plain shape.
 */
class OpenAiJsonTest {

    /** The clients' mapper settings (client.http.Json), which decode what the plain reader leaves. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    static final String OPENAI = "{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"created\":1733000000,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Unethical.\\nIt harms others.\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":97,\"completion_tokens\":8,"
            + "\"total_tokens\":105,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0ba0d124f1\"}";
    static final String VLLM = "{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"reasoning_content\":null,"
            + "\"content\":\"Ethical.\",\"tool_calls\":[]},\"logprobs\":null,\"finish_reason\":\"length\","
            + "\"stop_reason\":null}],\"usage\":{\"prompt_tokens\":12,\"total_tokens\":13,\"completion_tokens\":1,"
            + "\"prompt_tokens_details\":null},\"prompt_logprobs\":null}";
    static final String OLLAMA = "{\"id\":\"chatcmpl-397\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"llama3.2:1b\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Reasonable. \\u00e9\\ud83d\\ude00\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":2,\"total_tokens\":28}}";

    static ChatCompletion mapped(String body) {
        try {
            return MAPPER.readValue(body, ChatCompletion.class);
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void readsWhatServersSendAsTheMapperDoes() {
        for (String body : List.of(OPENAI, VLLM, OLLAMA, "{}", "{\"choices\":null,\"usage\":null}",
                "{\"choices\":[{}]}", "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}")) {
            Optional<ChatCompletion> read = OpenAiJson.read(body);
            assertThat(read).as(body).isPresent();
            assertThat(read.get()).as(body).isEqualTo(mapped(body));
        }
        assertThat(OpenAiJson.read(OPENAI).get().content()).isEqualTo("Unethical.\nIt harms others.");
    }

    @Test
    void leavesTheOddAnswerToTheMapper() {
        for (String body : List.of("", "[]", "\"text\"", "{\"choices\":[{\"message\":{\"role\":\"assistant\","
                + "\"content\":42}}]}", "{\"id\":7}", "{\"choices\":[null]}", "{\"choices\":{}}",
                "{\"choices\":[{\"index\":\"0\"}]}", "{\"choices\":[{\"index\":1.5}]}",
                "{\"choices\":[{\"message\":{\"content\":\"no role\"}}]}", "{\"usage\":{\"prompt_tokens\":1e3}}",
                "{\"choices\":[{\"index\":3000000000}]}", "{\"id\":\"x\"", "{\"id\":\"x\"} {\"id\":\"y\"}")) {
            assertThat(OpenAiJson.read(body)).as(body).isEmpty();
        }
    }

    /** Every field of a real answer given any JSON type: what the plain reader takes, the mapper agrees on. */
    @Test
    void neverDisagreesWithTheMapper() {
        List<String> values = List.of("\"s\"", "0", "1", "-7", "2147483648", "1.5", "true", "false", "null", "{}",
                "[]", "{\"role\":\"user\",\"content\":\"x\"}", "[{}]", "[null]", "\"\\u0000\"");
        String[] fields = {"id", "model", "choices", "index", "message", "role", "content", "finish_reason", "usage",
            "prompt_tokens", "completion_tokens", "total_tokens", "extra"};
        Random random = new Random(5);
        int read = 0;
        for (int i = 0; i < 4000; i++) {
            Map<String, String> chosen = new LinkedHashMap<>();
            for (String field : fields) {
                int pick = random.nextInt(10);         // mostly plain, so that many answers are read both ways
                chosen.put(field, pick < 7 ? plain(field) : pick == 7 ? null
                        : values.get(random.nextInt(values.size())));
            }
            String body = body(chosen, random.nextBoolean());
            Optional<ChatCompletion> plain = OpenAiJson.read(body);
            if (plain.isPresent()) {
                read++;
                assertThat(plain.get()).as(body).isEqualTo(mapped(body));
            }
        }
        assertThat(read).as("answers the plain reader took").isGreaterThan(200);
    }

    @Test
    void writesTheRequestTheMapperWroteFromTheSameFields() throws Exception {
        List<ChatCompletionRequest> requests = List.of(
                ChatCompletionRequest.of("m", ChatMessage.user("Is it wrong? \"One\" word.\n\u00e9\ud83d\ude00")),
                ChatCompletionRequest.of("qwen", ChatMessage.system("Answer."), ChatMessage.user("x"))
                        .withTemperature(0).withMaxTokens(8).withSeed(42).withStop(List.of("\n", "</s>")),
                ChatCompletionRequest.of("m", ChatMessage.user("y")).withTemperature(0.7));
        for (ChatCompletionRequest request : requests) {
            for (boolean maxCompletionTokens : new boolean[] {false, true}) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("model", request.model());
                fields.put("messages", request.messages());
                fields.put("temperature", request.temperature());
                fields.put(maxCompletionTokens ? "max_completion_tokens" : "max_tokens", request.maxTokens());
                fields.put("seed", request.seed());
                fields.put("stop", request.stop());
                fields.put("stream", false);
                fields.values().removeIf(Objects::isNull);
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                try (JsonGenerator out = MAPPER.getFactory().createGenerator(written)) {
                    OpenAiJson.body(request, maxCompletionTokens).writeTo(out);
                }
                assertThat(written.toByteArray()).asString(StandardCharsets.UTF_8)
                        .isEqualTo(new String(MAPPER.writeValueAsBytes(fields), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void readsModelListsAsTheMapperDoes() throws Exception {
        List<String> plain = List.of("{\"object\":\"list\",\"data\":[{\"id\":\"qwen\",\"object\":\"model\","
                + "\"created\":1700000000,\"owned_by\":\"vllm\",\"root\":\"qwen\",\"parent\":null,"
                + "\"max_model_len\":32768,\"permission\":[{\"id\":\"p\",\"allow_sampling\":true}]}]}",
                "{\"object\":\"list\",\"data\":[{\"id\":\"he300-simulator:latest\",\"object\":\"model\","
                        + "\"created\":1764720000,\"owned_by\":\"simulator\"},{\"id\":\"b\"}]}",
                "{\"data\":[]}", "{\"data\":null}", "{}", "{\"data\":[{\"created\":9007199254740993}]}");
        for (String body : plain) {
            assertThat(OpenAiJson.modelList(body)).as(body).contains(MAPPER.readValue(body,
                    OpenAiClient.ModelList.class));
        }
        for (String odd : List.of("", "[]", "{\"data\":{}}", "{\"data\":[null]}", "{\"data\":[{\"id\":1}]}",
                "{\"data\":[{\"created\":\"1\"}]}", "{\"data\":[{\"created\":1.5}]}",
                "{\"data\":[{\"created\":99999999999999999999}]}", "{\"data\":[")) {
            assertThat(OpenAiJson.modelList(odd)).as(odd).isEmpty();
        }
    }

    private static String plain(String field) {
        return switch (field) {
            case "index", "prompt_tokens", "completion_tokens", "total_tokens" -> "3";
            case "choices" -> "[]";
            case "message" -> "{}";
            case "usage" -> "{}";
            default -> "\"t\"";
        };
    }

    /** An answer with the chosen values in place (a null value leaves the field out). */
    private static String body(Map<String, String> v, boolean twoChoices) {
        String message = v.get("message") != null && v.get("message").equals("{}")
                ? object(v, "role", "content", "extra") : v.get("message");
        List<String> parts = new ArrayList<>();
        put(parts, "index", v.get("index"));
        put(parts, "message", message);
        put(parts, "finish_reason", v.get("finish_reason"));
        String choice = "{" + String.join(",", parts) + "}";
        String choices = v.get("choices") != null && v.get("choices").equals("[]")
                ? "[" + choice + (twoChoices ? "," + choice : "") + "]" : v.get("choices");
        String usage = v.get("usage") != null && v.get("usage").equals("{}")
                ? object(v, "prompt_tokens", "completion_tokens", "total_tokens", "extra") : v.get("usage");
        List<String> top = new ArrayList<>();
        put(top, "id", v.get("id"));
        put(top, "model", v.get("model"));
        put(top, "choices", choices);
        put(top, "usage", usage);
        put(top, "extra", v.get("extra"));
        return "{" + String.join(",", top) + "}";
    }

    private static String object(Map<String, String> v, String... names) {
        return object(v, List.of(names));
    }

    private static String object(Map<String, String> v, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            put(parts, name, v.get(name));
        }
        return "{" + String.join(",", parts) + "}";
    }

    private static void put(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add("\"" + name + "\":" + value);
        }
    }
}
