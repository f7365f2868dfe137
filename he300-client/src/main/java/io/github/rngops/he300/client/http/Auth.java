package io.github.rngops.he300.client.http;

import okhttp3.Interceptor;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client proves who it is, applied as an OkHttp interceptor to every request. The values are secrets: they are
 * sent in headers only, never logged, and masked if a server echoes them in an error body.
 */
public final class Auth {
    /** The header {@link #apiKey(String)} uses. */
    public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

    private static final Auth NONE = new Auth("none", null, List::of);

    private final String description;
    private final Interceptor interceptor;
    private final Supplier<List<String>> secrets;

    private Auth(String description, Interceptor interceptor, Supplier<List<String>> secrets) {
        this.description = description;
        this.interceptor = interceptor;
        this.secrets = secrets;
    }

    /** {@return no credentials: requests go out without an auth header} */
    public static Auth none() {
        return NONE;
    }

    /**
     * {@return {@code Authorization: Bearer <token>} with a token that never changes (an OpenAI API key, a static key)}
     *
     * @param token the token; not blank, no control characters; leading and trailing spaces are stripped
     * @throws IllegalArgumentException when the token is blank or holds control characters
     */
    public static Auth bearer(String token) {
        String t = requireSecret("bearer token", token);
        return new Auth("bearer", new HeaderAuthInterceptor("Authorization", "Bearer " + t), () -> List.of(t));
    }

    /**
     * {@return {@code X-API-Key: <key>}}
     *
     * @param key the key; not blank, no control characters; leading and trailing spaces are stripped
     * @throws IllegalArgumentException when the key is blank or holds control characters
     */
    public static Auth apiKey(String key) {
        return apiKey(DEFAULT_API_KEY_HEADER, key);
    }

    /**
     * {@return {@code <header>: <key>}, for servers that name the header differently ({@code X-Agent-Token})}
     *
     * @param header the header's name: printable ASCII, no spaces or colon
     * @param key the key; not blank, no control characters; leading and trailing spaces are stripped
     * @throws IllegalArgumentException when the header is not a header name, or the key is blank or holds control
     *                                  characters
     */
    public static Auth apiKey(String header, String key) {
        if (header == null || header.isBlank() || !header.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("API key header must be a header name like X-API-Key, was '"
                    + header + "'");
        }
        String k = requireSecret("API key", key);
        return new Auth("api key in " + header, new HeaderAuthInterceptor(header, k), () -> List.of(k));
    }

    /**
     * {@return {@code Authorization: Bearer <token>} from a source that can renew it: one renewal and one replay on 401}
     *
     * @param source where tokens come from; not null, thread-safe (see {@link TokenSource})
     */
    public static Auth tokenSource(TokenSource source) {

        Objects.requireNonNull(source, "token source");
        TokenSourceInterceptor interceptor = new TokenSourceInterceptor(source);
        return new Auth("token source", interceptor, interceptor::tokensSeen);
    }

    private static String requireSecret(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw new IllegalArgumentException(what + " must not contain control characters or line breaks");
        }
        return value.strip();
    }

    /** The interceptor, or null for {@link #none()}. */
    Interceptor interceptor() {
        return interceptor;
    }

    /** Values to mask wherever text from a server might echo them. */
    List<String> secrets() {
        return secrets.get();
    }

    /** Says what kind of credential this is, never its value. */
    @Override
    public String toString() {
        return "Auth[" + description + "]";
    }
}
