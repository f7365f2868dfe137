package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A JSON request body that writes itself token by token, for {@link ApiRequest#jsonBody()}: the transport hands it a
 * generator instead of asking the mapper to find a serializer by reflection. For bodies a short-lived command sends
 * hundreds of times, such as a chat completion.
 */
@FunctionalInterface
public interface JsonBody {

    /**
     * Writes the body as one JSON value.
     *
     * @param out the generator, with the transport's settings; not to be closed
     * @throws IOException when the generator cannot write
     */
    void writeTo(JsonGenerator out) throws IOException;
}
