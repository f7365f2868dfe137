package io.github.rngops.he300.client.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends {@code Authorization: Bearer <token>} from a {@link TokenSource}; on 401 asks the source to renew once and
 * replays once. Whatever the replay answers is final.
 */
final class TokenSourceInterceptor implements Interceptor {
    private static final int MAX_REMEMBERED = 8;

    private final TokenSource source;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    TokenSourceInterceptor(TokenSource source) {
        this.source = source;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = remember(source.token());
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        String renewed = remember(source.renew(token));
        return chain.proceed(withToken(request, renewed));
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    private String remember(String token) {
        if (token == null || token.isBlank()) {
            throw ClientException.of(ClientException.Kind.PROTOCOL, "AUTH", "(token source)",
                    "the token source returned no token");
        }
        if (!seen.contains(token)) {
            seen.add(token);
            while (seen.size() > MAX_REMEMBERED) {
                seen.remove(0);
            }
        }
        return token;
    }

    List<String> tokensSeen() {
        return List.copyOf(seen);
    }
}
