package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings every client shares: record components in camelCase map to the servers' snake_case, unknown
 * properties are ignored (servers add fields), nulls are left out of requests. The mapper is made on first use: a
 * command whose requests and answers are all written and read token by token never pays for its start.
 */
final class Json {

    /** Plain streams, which write as the mapper's do (it changes none of their settings), for self-writing bodies. */
    static final JsonFactory STREAMS = new JsonFactory();

    private Json() {
    }

    /** {@return the one mapper of all clients, made on first use} */
    static ObjectMapper mapper() {
        return Shared.MAPPER;
    }

    private static final class Shared {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }
}
