package io.github.rngops.he300.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the server's own words in an error body: FastAPI's {@code {"detail": "..."}} or its 422 list of problems,
 * Ollama's {@code {"error": "..."}}, OpenAI's {@code {"error": {"message": "..."}}}, or a plain-text body.
 */
final class ErrorBodies {
    static final int EXCERPT = 200;
    private static final int DETAIL = 300;
    private static final int LISTED_PROBLEMS = 3;

    private ErrorBodies() {
    }

    static String detail(String body, String reason, int status) {
        String found = fromJson(body);
        if (found == null) {
            found = firstLine(body);
        }
        if (found == null || found.isBlank()) {
            found = reason == null || reason.isBlank() ? "HTTP " + status : reason;
        }
        return shorten(found.strip(), DETAIL);
    }

    /** The message of an {@code {"error": ...}} object (a stream's error line), or null when there is none. */
    static String errorField(JsonNode node) {
        JsonNode error = node.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode message = error.get("message");
        return message != null && message.isTextual() ? message.asText() : error.toString();
    }

    static String excerpt(String body) {
        return shorten(body.replaceAll("\\s+", " ").strip(), EXCERPT);
    }

    private static String fromJson(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
        JsonNode detail = node.get("detail");
        if (detail != null && detail.isTextual()) {
            return detail.asText();
        }
        if (detail != null && detail.isArray()) {
            return validationProblems(detail);
        }
        String error = errorField(node);
        if (error != null) {
            return error;
        }
        JsonNode message = node.get("message");
        if (message != null && message.isTextual()) {
            return message.asText();
        }
        return detail != null && !detail.isNull() ? detail.toString() : null;
    }

    /** FastAPI's 422: {@code [{"type","loc","msg","input"}]} → {@code body.scenarios: List should have ... (too_long)}. */
    private static String validationProblems(JsonNode list) {
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : list) {
            if (problems.size() == LISTED_PROBLEMS) {
                problems.add("and " + (list.size() - LISTED_PROBLEMS) + " more");
                break;
            }
            List<String> loc = new ArrayList<>();
            problem.path("loc").forEach(part -> loc.add(part.asText()));
            String msg = problem.path("msg").asText("invalid");
            String type = problem.path("type").asText("");
            problems.add((loc.isEmpty() ? "" : String.join(".", loc) + ": ") + msg
                    + (type.isEmpty() ? "" : " (" + type + ")"));
        }
        return problems.isEmpty() ? "request did not validate" : String.join("; ", problems);
    }

    private static String firstLine(String body) {
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
