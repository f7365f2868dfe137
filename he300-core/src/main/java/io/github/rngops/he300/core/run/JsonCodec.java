package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.rngops.he300.core.Category;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson mapper that reads results, manifests and journal lines: snake_case names, nulls left out. They are
 * written by {@link RunJson} and {@link OutcomeJson}, which write what this mapper would, without starting it.
 */
final class JsonCodec {

    static final ObjectMapper MAPPER = create();

    private JsonCodec() {
    }

    private static ObjectMapper create() {
        SimpleModule module = new SimpleModule("he300");
        module.addSerializer(Category.class, new JsonSerializer<Category>() {
            @Override
            public void serialize(Category value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.id());
            }
        });
        module.addDeserializer(Category.class, new JsonDeserializer<Category>() {
            @Override
            public Category deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String id = in.getValueAsString();
                return Category.fromId(id == null ? "" : id).orElseThrow(() -> context.weirdStringException(id,
                        Category.class, "not a category: use one of " + Category.allIds()));
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String text = in.getValueAsString();
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException | NullPointerException e) {
                    throw context.weirdStringException(text, Instant.class, "not an ISO-8601 instant");
                }
            }
        });
        return new ObjectMapper()
                .registerModule(module)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
