package io.github.rngops.he300.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a JSON document does not fit the type it is read as, and what belongs there, in a reader's terms
 * ({@code "summary" must be an object}, {@code not JSON (line 1, column 30)}) rather than Jackson's, which names
 * Java types, tokens and constructors.
 */
public final class JsonProblem {
    private JsonProblem() {}

    /** What is wrong with the document: where it stops being JSON, or which member does not fit and why. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return describe(mapping);
        }
        return "not JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")");
    }

    static String describe(JsonMappingException e) {
        String path = e.getPath().stream().map(JsonProblem::step).collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String where = path.isEmpty() ? "the document" : "\"" + path + "\"";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + " must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException missing
                && missing.getMessage() != null) {   // a record's requireNonNull(value, "name")
            String member = missing.getMessage().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return (path.isEmpty() ? "" : where + ": ") + "\"" + member + "\" is missing";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            return where + ": " + refused.getMessage();
        }
        return where + " has a value that does not fit";
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of the documented names";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a value";
    }
}
