package io.github.rngops.he300.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.rngops.he300.core.He300Exception;
import io.github.rngops.he300.core.internal.JsonProblem;

/** Parses a JSON document and checks its {@code schema} member before it is bound. */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static JsonNode tree(String json, String source, String schema, String what) {
        JsonNode tree;
        try {
            tree = JsonCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new He300Exception(source + " is not an he300 " + what + ": " + JsonProblem.describe(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new He300Exception(source + " is not an he300 " + what + ": not a JSON object");
        }
        JsonNode found = tree.get("schema");
        if (found == null || !found.isTextual()) {
            throw new He300Exception(source + " is not an he300 " + what + ": it has no \"schema\" member (expected \""
                    + schema + "\")");
        }
        String family = schema.substring(0, schema.indexOf('/') + 1);
        if (!found.asText().startsWith(family)) {
            throw new He300Exception(source + " is not an he300 " + what + ": its schema is \"" + found.asText()
                    + "\", expected \"" + schema + "\"");
        }
        if (!found.asText().equals(schema)) {
            throw new He300Exception(source + " has " + what + " schema \"" + found.asText() + "\"; this version of"
                    + " he300 reads \"" + schema + "\": use the he300 version that wrote it, or a newer one");
        }
        return tree;
    }
}
