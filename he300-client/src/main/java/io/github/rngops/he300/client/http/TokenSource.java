package io.github.rngops.he300.client.http;

/**
 * Where a bearer token comes from when it must be fetched and renewed (CIRISNode's login). Installed with
 * {@link Auth#tokenSource(TokenSource)}: every request carries {@code Authorization: Bearer <token()>}; when the server
 * answers 401, the interceptor calls {@link #renew(String)} once with the rejected token and replays the request once
 * with the new one. A second 401 is the caller's error; there is no loop.
 *
 * <p>Implementations must be thread-safe and renew at most once at a time: when many requests are rejected together,
 * each calls {@code renew} with the token it sent, and a source whose current token already differs from that one
 * returns the current token without renewing again. A source may renew ahead of expiry inside {@link #token()}.
 * A source that cannot get a token throws {@link ClientException}; it never invents one.
 */
public interface TokenSource {
    /** {@return the token to send now, fetched (or renewed ahead of expiry) when needed} */
    String token();

    /**
     * {@return a token to replace {@code rejected}, which the server refused with 401}
     *
     * @param rejected the token the refused request carried; when it is no longer the current one, another thread
     *                 renewed already and the current token is the answer
     * @throws ClientException when no new token can be had (the login itself is refused)
     */
    String renew(String rejected);

}
