package io.github.rngops.he300.client.cirisnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the {@code exp} claim of a JWT: the payload is base64url JSON; the signature is not checked. */
final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    /** When the token expires, or empty when it is no JWT or carries no numeric {@code exp}. */
    static Optional<Instant> expiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1].replace("=", "")));
            JsonNode exp = payload == null ? null : payload.get("exp");
            return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
