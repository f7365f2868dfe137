package io.github.rngops.he300.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that came from a server (error bodies may echo a request: FastAPI's 422 quotes the input):
 * every known secret value, and the value of any JSON field whose name says it is secret.
 */
final class Redactor {
    static final String MASK = "***";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token|key|auth|credential).*");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"[^\"]*(?:pass|secret|token|key|auth|credential)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final int SHORTEST_SECRET = 4;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Knows the auth's secrets, and the request's form fields and headers whose names say they are secret. */
    static Redactor forRequest(Auth auth, ApiRequest request) {
        List<String> secrets = new ArrayList<>(auth.secrets());
        if (request.form() != null) {
            addSecretValues(request.form(), secrets);
        }
        addSecretValues(request.headers(), secrets);
        secrets.removeIf(s -> s == null || s.length() < SHORTEST_SECRET);
        secrets.sort((a, b) -> b.length() - a.length());
        return new Redactor(List.copyOf(secrets));
    }

    private static void addSecretValues(Map<String, String> fields, List<String> into) {
        fields.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                into.add(value);
            }
        });
    }

    String mask(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = SECRET_FIELD.matcher(out).replaceAll("$1\"" + MASK + "\"");
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }
}
