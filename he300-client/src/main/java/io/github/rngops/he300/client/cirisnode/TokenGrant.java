package io.github.rngops.he300.client.cirisnode;

import java.util.Objects;

/**
 * What {@code POST /auth/token} and {@code POST /auth/refresh} answer. The token is a secret: {@link #toString()}
 * leaves it out.
 *
 * @param accessToken the JWT
 * @param tokenType   {@code bearer}
 */
public record TokenGrant(String accessToken, String tokenType) {

    /**
     * Checks the components, as the class description says of each.
     *
     * @param accessToken the JWT
     * @param tokenType {@code bearer}
     */
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "TokenGrant[" + tokenType + ", expires " + Jwt.expiry(accessToken).map(Object::toString)
                .orElse("never (no exp)") + "]";
    }
}
