package io.github.rngops.he300.cli;

import io.github.rngops.he300.client.http.HttpTransport;
import io.github.rngops.he300.core.He300Exception;

/**
 * Checks a server's base URL where the user gave it, so that {@code notaurl} or {@code http://} in a flag or an
 * environment variable is refused in one line naming that flag or variable, before anything is opened.
 */
final class ServerUrl {
    private ServerUrl() {}

    /**
     * {@code url}, stripped, if the clients accept it as a base URL.
     *
     * @param source where it came from, as the user wrote it: {@code --url}, {@code $OLLAMA_URL}
     * @throws He300Exception saying what is wrong with it
     */
    static String check(String url, String source) {
        String stripped = url.strip();
        try {
            HttpTransport.parseBaseUrl(stripped);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage().startsWith("baseUrl ") ? e.getMessage().substring("baseUrl ".length())
                    : e.getMessage();
            throw new He300Exception(source + " " + problem);
        }
        return stripped;
    }
}
