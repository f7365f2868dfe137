package io.github.rngops.he300.client.http.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON string and nothing else: {@code 42}, {@code true} or an object where a model's answer belongs is the
 * server breaking its protocol, not the answer "42". Jackson would coerce a scalar to text; put
 * {@code @JsonDeserialize(using = TextOnly.class)} on the fields that hold answers, and the decoding fails as a
 * {@link io.github.rngops.he300.client.http.ClientException.Kind#PROTOCOL} error naming the field. A JSON
 * {@code null} stays null.
 *
 * <p>Machinery: public only because the records of every client package name it in their annotations; not API.
 */
public final class TextOnly extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    /** For Jackson, which creates it from {@code @JsonDeserialize(using = TextOnly.class)}. */
    public TextOnly() {

        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(String.class, parser.currentToken(), parser,
                "expected text, got %s", parser.currentToken());
    }
}
